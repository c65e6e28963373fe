-- parity count table (dimension, group, category, priority, metric, seconds, ended, waiting), bigquery dialect
WITH
r AS (
  SELECT
    CASE WHEN LOWER(NULLIF(TRIM(CAST(`ticket_id` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS STRING) ELSE NULLIF(TRIM(CAST(`ticket_id` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END AS id_txt,
    (UNIX_MICROS(CAST(`created_at` AS TIMESTAMP)) / 1000000) AS created_s,
    CASE WHEN LOWER(NULLIF(TRIM(CAST(`via_channel` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS STRING) ELSE NULLIF(TRIM(CAST(`via_channel` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END AS raw_ch,
    REGEXP_REPLACE(LOWER(CASE WHEN LOWER(NULLIF(TRIM(CAST(`via_channel` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS STRING) ELSE NULLIF(TRIM(CAST(`via_channel` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END), '[^a-z0-9]', '') AS ch_key,
    LOWER(CASE WHEN LOWER(NULLIF(TRIM(CAST(`direction` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS STRING) ELSE NULLIF(TRIM(CAST(`direction` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END) AS dir_txt,
    (IF(IS_NAN(CAST(`first_reply_time_business_minutes` AS FLOAT64)), NULL, CAST(`first_reply_time_business_minutes` AS FLOAT64)) * 60) AS fr_s,
    ((UNIX_MICROS(CAST(`solved_at` AS TIMESTAMP)) / 1000000) - (UNIX_MICROS(CAST(`created_at` AS TIMESTAMP)) / 1000000)) AS res_s,
    REGEXP_REPLACE(LOWER(CASE WHEN LOWER(NULLIF(TRIM(CAST(`status` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS STRING) ELSE NULLIF(TRIM(CAST(`status` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END), '[^a-z0-9]', '') AS status_key,
    CASE WHEN LOWER(NULLIF(TRIM(CAST(`ticket_type` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS STRING) ELSE NULLIF(TRIM(CAST(`ticket_type` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END AS cat,
    CASE WHEN LOWER(NULLIF(TRIM(CAST(`priority` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS STRING) ELSE NULLIF(TRIM(CAST(`priority` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END AS pri,
    CASE WHEN LOWER(NULLIF(TRIM(CAST(`group_name` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS STRING) ELSE NULLIF(TRIM(CAST(`group_name` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END AS byv,
    CASE WHEN IF(IS_NAN(CAST(`follower_count` AS FLOAT64)), NULL, CAST(`follower_count` AS FLOAT64)) < 0 OR (IF(IS_NAN(CAST(`follower_count` AS FLOAT64)), NULL, CAST(`follower_count` AS FLOAT64)) = 0 AND TRIM(CAST(`follower_count` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff') LIKE '-%') THEN CAST(NULL AS FLOAT64) WHEN IF(IS_NAN(CAST(`follower_count` AS FLOAT64)), NULL, CAST(`follower_count` AS FLOAT64)) >= 9007199254740992 THEN CASE WHEN IF(IS_NAN(CAST(`follower_count` AS FLOAT64)), NULL, CAST(`follower_count` AS FLOAT64)) - IF(IS_NAN(CAST(`follower_count` AS FLOAT64)), NULL, CAST(`follower_count` AS FLOAT64)) = 0 THEN IF(IS_NAN(CAST(`follower_count` AS FLOAT64)), NULL, CAST(`follower_count` AS FLOAT64)) ELSE CAST(NULL AS FLOAT64) END ELSE CAST(CAST(FLOOR(IF(IS_NAN(CAST(`follower_count` AS FLOAT64)), NULL, CAST(`follower_count` AS FLOAT64)) + 0.5) AS INT64) AS FLOAT64) END AS followers,
    CASE WHEN LOWER(NULLIF(TRIM(CAST(`requester_id` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS STRING) ELSE NULLIF(TRIM(CAST(`requester_id` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END AS cust,
    CASE WHEN LOWER(NULLIF(TRIM(CAST(`is_public` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS STRING) ELSE NULLIF(TRIM(CAST(`is_public` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END AS pub_txt,
    CASE WHEN LOWER(NULLIF(TRIM(CAST(`subject` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS STRING) ELSE NULLIF(TRIM(CAST(`subject` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END AS subj,
    CAST(NULL AS STRING) AS txt,
    CASE WHEN LOWER(NULLIF(TRIM(CAST(`tags` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS STRING) ELSE NULLIF(TRIM(CAST(`tags` AS STRING), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END AS tags_txt
  FROM `zendesk`.`tickets`
),
c AS (
  SELECT
    id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
    CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phoneinbound', 'inboundphone', 'incomingcall', 'callinbound', 'voicecall', 'pstnphone', 'telefon', 'telefono', 'telefone', 'anruf', 'appel', 'llamada', 'chiamata', 'telephony', 'telefonanruf', 'appelentrant', 'appeltelephonique', 'llamadaentrante', 'telefonisch', 'telefonanrufeingehend', 'anrufeingehend', 'eingehenderanruf', 'sprachnachricht', 'ruckruf', 'appeltelephoniqueentrant', 'messagerievocale', 'llamadatelefonica', 'llamadatelefonicaentrante', 'correodevoz', 'buzondevoz', 'ligacao', 'ligacaotelefonica', 'chamada', 'chamadatelefonica', 'correiodevoz', 'telefoon', 'telefoongesprek', 'inkomendgesprek', 'inkomendeoproep', 'terugbelverzoek', 'telefonata', 'chiamatainentrata', 'chiamatatelefonica', 'segreteriatelefonica', 'phonecalloutbound', 'outboundcall', 'outboundphone', 'phoneoutbound', 'outgoingcall', 'calloutbound', 'outboundcalls', 'outbound', 'outgoing', 'telefonanrufausgehend', 'anrufausgehend', 'ausgehenderanruf', 'appelsortant', 'appeltelephoniquesortant', 'llamadasaliente', 'llamadatelefonicasaliente', 'uitgaandgesprek', 'uitgaandeoproep', 'chiamatainuscita') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'incomingemail', 'courriel', 'correo', 'correoelectronico', 'postaelettronica', 'correioeletronico', 'correioelectronico', 'outboundemail', 'emailoutbound', 'outgoingemail') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'forums', 'community', 'serviceportal', 'webformular', 'kontaktformular', 'formulaire', 'formulairedecontact', 'formulario', 'formularioweb', 'formulaireweb', 'webseite', 'kundenportal', 'siteweb', 'siteinternet', 'portail', 'portailclient', 'applicationmobile', 'sitioweb', 'paginaweb', 'formulariodecontacto', 'aplicacionmovil', 'portaldelcliente', 'formulariodecontato', 'aplicativo', 'portaldocliente', 'webformulier', 'contactformulier', 'klantenportaal', 'sitoweb', 'moduloweb', 'modulodicontatto', 'portaleclienti') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterx', 'sozialemedien', 'reseauxsociaux', 'redessociales', 'sozialenetzwerke', 'reseausocial', 'redsocial', 'redessociais', 'redesocial', 'socialemedia', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'googleplayreview', 'googleplay', 'playstorereview', 'playstore', 'googlereview', 'googlereviews', 'yelp', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage', 'instagramdirect', 'instagrammessaging') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'whatsappbusiness', 'whatsappbusinessapi', 'telegram', 'nativemessaging', 'conversation', 'bot', 'chatbot', 'widgetchat', 'viber', 'signal', 'imessage', 'kakaotalk', 'rcs', 'applebusinesschat', 'applemessagesforbusiness', 'googlebusinessmessages', 'googlemessages', 'sunshineconversations', 'webmessaging', 'inappmessaging', 'mobilemessaging', 'slack', 'microsoftteams', 'teamschat', 'inappchat', 'applemessages', 'chatendirect', 'chatenligne', 'tchat', 'messagerieinstantanee', 'chatenvivo', 'chatenlinea', 'chataovivo', 'chatonline', 'chatdalvivo') THEN 'chat' ELSE 'other' END AS channel,
    CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN (created_s IS NULL OR created_s < -62135596800 OR created_s > 253402300799) AND (status_key IN ('spam', 'deleted', 'trash', 'trashed', 'junk')) THEN 'discarded' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < -62135596800 OR created_s > 253402300799 THEN 'bad-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'phoneoutbound', 'outgoingcall', 'calloutbound', 'outboundcalls', 'outbound', 'outgoing', 'telefonanrufausgehend', 'anrufausgehend', 'ausgehenderanruf', 'appelsortant', 'appeltelephoniquesortant', 'llamadasaliente', 'llamadatelefonicasaliente', 'uitgaandgesprek', 'uitgaandeoproep', 'chiamatainuscita', 'outboundemail', 'emailoutbound', 'outgoingemail') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' OR dir_txt LIKE 'ausgehend%' OR dir_txt LIKE 'sortant%' OR dir_txt LIKE 'saliente%' OR dir_txt = 'out' THEN 'outbound' WHEN status_key IN ('spam', 'deleted', 'trash', 'trashed', 'junk') THEN 'discarded' ELSE CAST(NULL AS STRING) END AS reason,
    CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved', 'gelost', 'geschlossen', 'erledigt', 'resolu', 'resolue', 'ferme', 'fermee', 'clos', 'resuelto', 'cerrado', 'risolto', 'chiuso', 'resolvido', 'fechado', 'opgelost', 'gesloten', 'abgeschlossen', 'beendet', 'concluido', 'concluded', 'finalizado', 'finalized', 'finalised', 'termine', 'terminee', 'terminado', 'afgesloten', 'completato', 'chiusa', 'risolta', 'cerrada', 'resuelta', 'cloture', 'cloturee', 'solucionado', 'solucionada', 'afgehandeld', 'resolvedauto', 'autoresolved', 'autoclosed', 'closedauto') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo', 'offen', 'neu', 'inbearbeitung', 'wartend', 'ouvert', 'nouveau', 'encours', 'enattente', 'abierto', 'nuevo', 'pendiente', 'encurso', 'aperto', 'nuovo', 'inattesa', 'aberto', 'novo', 'pendente', 'openstaand', 'nieuw', 'ausstehend', 'wartet', 'enespera', 'enprogreso', 'emespera', 'emandamento', 'emaberto', 'inbehandeling', 'wachtend', 'inafwachting', 'aperta', 'nuova', 'insospeso', 'inlavorazione') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
    cust, CASE WHEN TRANSLATE(pub_txt, 'ABCDEFGHIJKLMNOPQRSTUVWXYZK', 'abcdefghijklmnopqrstuvwxyzk') IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN TRANSLATE(pub_txt, 'ABCDEFGHIJKLMNOPQRSTUVWXYZK', 'abcdefghijklmnopqrstuvwxyzk') IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'googleplayreview', 'googleplay', 'playstorereview', 'playstore', 'googlereview', 'googlereviews', 'yelp') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (STRPOS(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (BYTE_LENGTH(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = CHAR_LENGTH(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (CHAR_LENGTH(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - CHAR_LENGTH(REGEXP_REPLACE(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND CAST((CHAR_LENGTH(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - CHAR_LENGTH(REGEXP_REPLACE(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))) AS FLOAT64) / CAST((CHAR_LENGTH(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - CHAR_LENGTH(REGEXP_REPLACE(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) AS FLOAT64) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (STRPOS(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (BYTE_LENGTH(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = CHAR_LENGTH(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN STRPOS(CONCAT(' ', REGEXP_REPLACE(TRANSLATE(COALESCE(tags_txt, ''), 'ABCDEFGHIJKLMNOPQRSTUVWXYZK', 'abcdefghijklmnopqrstuvwxyzk'), '[\t\n\u000b\u000c\r    - \u2028\u2029  　\ufeff,;|]+', ' '), ' '), ' vip ') > 0 OR STRPOS(CONCAT(' ', REGEXP_REPLACE(TRANSLATE(COALESCE(tags_txt, ''), 'ABCDEFGHIJKLMNOPQRSTUVWXYZK', 'abcdefghijklmnopqrstuvwxyzk'), '[\t\n\u000b\u000c\r    - \u2028\u2029  　\ufeff,;|]+', ' '), ' '), ' escalated ') > 0 OR TRANSLATE(pri, 'ABCDEFGHIJKLMNOPQRSTUVWXYZK', 'abcdefghijklmnopqrstuvwxyzk') IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
  FROM r
),
t AS (
  SELECT
    created_s, raw_ch, channel, cat, pri, fr_s, res_s,
    COALESCE(byv, '(no group)') AS byv,
    CASE WHEN followers IS NULL THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
    concat(CASE WHEN followers IS NULL THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
    CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 253402300799 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
    CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 253402300799 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
    CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
    id_txt, cust, pub, shout, cap_untested, esc
  FROM c
  WHERE reason IS NULL
),
m AS (
  SELECT bandch, byv, cat, pri, 'firstResponse' AS metric,
    CAST(FLOOR(CASE WHEN fr_kind = 'e' THEN fr_s ELSE GREATEST(0, 1793491200 - created_s) END + 0.5) AS INT64) AS seconds, fr_kind AS kind
  FROM t
  WHERE fr_kind IS NOT NULL
  UNION ALL
  SELECT bandch, byv, cat, pri, 'resolution' AS metric,
    CAST(FLOOR(CASE WHEN res_kind = 'e' THEN res_s ELSE GREATEST(0, 1793491200 - created_s) END + 0.5) AS INT64) AS seconds, res_kind AS kind
  FROM t
  WHERE res_kind IS NOT NULL
),
jt AS (
  SELECT *,
    CASE WHEN cust IS NULL THEN 0 ELSE COUNT(*) OVER (PARTITION BY cust ORDER BY created_s RANGE BETWEEN 604800 PRECEDING AND CURRENT ROW) END AS contacts,
    ROW_NUMBER() OVER (PARTITION BY cust ORDER BY created_s, id_txt, channel, raw_ch, cat, pri, fr_s, res_s, fr_kind, res_kind, pub, shout, esc, cap_untested) AS rn,
    CASE channel WHEN 'phone' THEN 0 WHEN 'email' THEN 1 WHEN 'web' THEN 2 WHEN 'social' THEN 3 WHEN 'chat' THEN 4 WHEN 'other' THEN 5 ELSE 6 END AS ch_order,
    CASE WHEN fr_kind = 'e' THEN created_s + fr_s END AS answered_at,
    CASE WHEN res_kind = 'e' THEN created_s + res_s END AS resolved_at,
    CASE WHEN res_kind = 'e' THEN created_s + res_s WHEN res_kind IS NULL THEN CASE WHEN fr_kind = 'e' THEN created_s + fr_s END END AS settled_at,
    CAST(FLOOR(CASE WHEN fr_kind = 'e' THEN fr_s ELSE GREATEST(0, 1793491200 - created_s) END + 0.5) AS INT64) AS fr_sec
  FROM t
),
jp AS (
  SELECT s.rn AS jrn, s.cust AS cust, s.created_s - o.created_s AS waited, o.channel AS o_channel,
    o.created_s AS created_s, o.fr_kind AS fr_kind, o.fr_s AS fr_s, o.res_kind AS res_kind, o.res_s AS res_s,
    CASE WHEN o.answered_at IS NOT NULL AND o.answered_at <= s.created_s THEN 0 ELSE 1 END AS unanswered,
    ROW_NUMBER() OVER (PARTITION BY s.cust, s.rn ORDER BY o.created_s, o.ch_order, CASE WHEN o.answered_at IS NULL THEN 1 ELSE 0 END, o.answered_at, CASE WHEN o.resolved_at IS NULL THEN 1 ELSE 0 END, o.resolved_at) AS pick
  FROM jt s JOIN jt o ON o.cust = s.cust
  WHERE s.channel = 'social' AND o.channel IN ('phone', 'email', 'web') AND o.created_s < s.created_s AND o.created_s >= s.created_s - 1209600
    AND (o.settled_at IS NULL OR o.settled_at > s.created_s)
),
jo AS (
  SELECT jrn, cust, o_channel, unanswered, fr_kind, res_kind, CAST(FLOOR(waited + 0.5) AS INT64) AS waited_sec, CAST(FLOOR(CASE WHEN fr_kind = 'e' THEN fr_s ELSE GREATEST(0, 1793491200 - created_s) END + 0.5) AS INT64) AS fr_sec, CAST(FLOOR(CASE WHEN res_kind = 'e' THEN res_s ELSE GREATEST(0, 1793491200 - created_s) END + 0.5) AS INT64) AS res_sec
  FROM jp
  WHERE pick = 1
),
jl AS (
  SELECT jt.*, CASE WHEN pub = 1 OR shout = 1 OR esc = 1 OR contacts >= 3 THEN 1 ELSE 0 END AS loud,
    CASE WHEN jt.channel = 'social' THEN (CASE WHEN jo.jrn IS NULL THEN 'other' ELSE 'jump' END) END AS jump_group
  FROM jt jt LEFT JOIN jo jo ON jo.cust = jt.cust AND jo.jrn = jt.rn
)
SELECT CAST('bandChannel' AS STRING) AS `dimension`, CAST(bandch AS STRING) AS `group`, CAST(cat AS STRING) AS `category`, CAST(pri AS STRING) AS `priority`, CAST(metric AS STRING) AS `metric`, CAST(seconds AS FLOAT64) AS `seconds`, CAST(CAST(COALESCE(SUM(CASE WHEN kind = 'e' THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `ended`, CAST(CAST(COALESCE(SUM(CASE WHEN kind = 'w' THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `waiting`
FROM m
GROUP BY bandch, cat, pri, metric, seconds
UNION ALL
SELECT CAST('by' AS STRING) AS `dimension`, CAST(byv AS STRING) AS `group`, CAST(cat AS STRING) AS `category`, CAST(pri AS STRING) AS `priority`, CAST(metric AS STRING) AS `metric`, CAST(seconds AS FLOAT64) AS `seconds`, CAST(CAST(COALESCE(SUM(CASE WHEN kind = 'e' THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `ended`, CAST(CAST(COALESCE(SUM(CASE WHEN kind = 'w' THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `waiting`
FROM m
GROUP BY byv, cat, pri, metric, seconds
UNION ALL
SELECT CAST('bandChannel' AS STRING) AS `dimension`, CAST(bandch AS STRING) AS `group`, CAST(cat AS STRING) AS `category`, CAST(pri AS STRING) AS `priority`, CAST('tickets' AS STRING) AS `metric`, CAST(0 AS FLOAT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
GROUP BY bandch, cat, pri
UNION ALL
SELECT CAST('by' AS STRING) AS `dimension`, CAST(byv AS STRING) AS `group`, CAST(cat AS STRING) AS `category`, CAST(pri AS STRING) AS `priority`, CAST('tickets' AS STRING) AS `metric`, CAST(0 AS FLOAT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
GROUP BY byv, cat, pri
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('rows' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(NULL AS FLOAT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM c
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('rejected' AS STRING) AS `group`, CAST(reason AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(NULL AS FLOAT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM c
WHERE reason IS NOT NULL
GROUP BY reason
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('tickets' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(NULL AS FLOAT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('repeatedIds' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(NULL AS FLOAT64) AS `seconds`, CAST(CAST(COALESCE(SUM(n - 1), 0) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM (
  SELECT CAST(COUNT(*) AS INT64) AS n
  FROM t
  GROUP BY id_txt
  HAVING CAST(COUNT(*) AS INT64) > 1
) AS `parity_repeats`
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('createdFrom' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(MIN(created_s) AS FLOAT64) AS `seconds`, CAST(0 AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('createdTo' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(MAX(created_s) AS FLOAT64) AS `seconds`, CAST(0 AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('asOf' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(CAST(FLOOR(1793491200 + 0.5) AS INT64) AS FLOAT64) AS `seconds`, CAST(0 AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('negative' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST('firstResponse' AS STRING) AS `metric`, CAST(NULL AS FLOAT64) AS `seconds`, CAST(CAST(COALESCE(SUM(fr_neg), 0) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('negative' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST('resolution' AS STRING) AS `metric`, CAST(NULL AS FLOAT64) AS `seconds`, CAST(CAST(COALESCE(SUM(res_neg), 0) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('measured' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST('firstResponse' AS STRING) AS `metric`, CAST(NULL AS FLOAT64) AS `seconds`, CAST(CAST(COALESCE(SUM(CASE WHEN fr_kind IS NOT NULL THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('measured' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST('resolution' AS STRING) AS `metric`, CAST(NULL AS FLOAT64) AS `seconds`, CAST(CAST(COALESCE(SUM(CASE WHEN res_kind IS NOT NULL THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('by' AS STRING) AS `group`, CAST('group' AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(NULL AS FLOAT64) AS `seconds`, CAST(0 AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('clock' AS STRING) AS `group`, CAST('business' AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(NULL AS FLOAT64) AS `seconds`, CAST(0 AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('waitingClock' AS STRING) AS `group`, CAST('calendar' AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(NULL AS FLOAT64) AS `seconds`, CAST(0 AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('note' AS STRING) AS `group`, CAST('business clock: it\'s a note' AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(0 AS FLOAT64) AS `seconds`, CAST(0 AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
UNION ALL
SELECT CAST('rawChannel' AS STRING) AS `dimension`, CAST(COALESCE(raw_ch, '(empty)') AS STRING) AS `group`, CAST(channel AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(NULL AS FLOAT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
GROUP BY raw_ch, channel
UNION ALL
SELECT CAST('loud' AS STRING) AS `dimension`, CAST(CONCAT(CASE WHEN loud = 1 THEN 'loud / ' ELSE 'quiet / ' END, channel) AS STRING) AS `group`, CAST(cat AS STRING) AS `category`, CAST(pri AS STRING) AS `priority`, CAST('firstResponse' AS STRING) AS `metric`, CAST(fr_sec AS FLOAT64) AS `seconds`, CAST(CAST(COALESCE(SUM(CASE WHEN fr_kind = 'e' THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `ended`, CAST(CAST(COALESCE(SUM(CASE WHEN fr_kind = 'w' THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `waiting`
FROM jl
WHERE fr_kind IS NOT NULL
GROUP BY CONCAT(CASE WHEN loud = 1 THEN 'loud / ' ELSE 'quiet / ' END, channel), cat, pri, fr_sec
UNION ALL
SELECT CAST('loud' AS STRING) AS `dimension`, CAST(CONCAT(CASE WHEN loud = 1 THEN 'loud / ' ELSE 'quiet / ' END, channel) AS STRING) AS `group`, CAST(cat AS STRING) AS `category`, CAST(pri AS STRING) AS `priority`, CAST('tickets' AS STRING) AS `metric`, CAST(0 AS FLOAT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM jl
GROUP BY CONCAT(CASE WHEN loud = 1 THEN 'loud / ' ELSE 'quiet / ' END, channel), cat, pri
UNION ALL
SELECT CAST('loudReason' AS STRING) AS `dimension`, CAST(CONCAT('public / ', channel) AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST('tickets' AS STRING) AS `metric`, CAST(0 AS FLOAT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM jl
WHERE pub = 1
GROUP BY channel
UNION ALL
SELECT CAST('loudReason' AS STRING) AS `dimension`, CAST(CONCAT('repeatContact / ', channel) AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST('tickets' AS STRING) AS `metric`, CAST(0 AS FLOAT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM jl
WHERE contacts >= 3
GROUP BY channel
UNION ALL
SELECT CAST('loudReason' AS STRING) AS `dimension`, CAST(CONCAT('shouting / ', channel) AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST('tickets' AS STRING) AS `metric`, CAST(0 AS FLOAT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM jl
WHERE shout = 1
GROUP BY channel
UNION ALL
SELECT CAST('loudReason' AS STRING) AS `dimension`, CAST(CONCAT('escalated / ', channel) AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST('tickets' AS STRING) AS `metric`, CAST(0 AS FLOAT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM jl
WHERE esc = 1
GROUP BY channel
UNION ALL
SELECT CAST('jump' AS STRING) AS `dimension`, CAST(jump_group AS STRING) AS `group`, CAST(cat AS STRING) AS `category`, CAST(pri AS STRING) AS `priority`, CAST('firstResponse' AS STRING) AS `metric`, CAST(fr_sec AS FLOAT64) AS `seconds`, CAST(CAST(COALESCE(SUM(CASE WHEN fr_kind = 'e' THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `ended`, CAST(CAST(COALESCE(SUM(CASE WHEN fr_kind = 'w' THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `waiting`
FROM jl
WHERE fr_kind IS NOT NULL AND jump_group IS NOT NULL
GROUP BY jump_group, cat, pri, fr_sec
UNION ALL
SELECT CAST('jump' AS STRING) AS `dimension`, CAST(jump_group AS STRING) AS `group`, CAST(cat AS STRING) AS `category`, CAST(pri AS STRING) AS `priority`, CAST('tickets' AS STRING) AS `metric`, CAST(0 AS FLOAT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM jl
WHERE jump_group IS NOT NULL
GROUP BY jump_group, cat, pri
UNION ALL
SELECT CAST('jumpOrigin' AS STRING) AS `dimension`, CAST(o_channel AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST('waited' AS STRING) AS `metric`, CAST(waited_sec AS FLOAT64) AS `seconds`, CAST(CAST(COALESCE(SUM(1 - unanswered), 0) AS INT64) AS INT64) AS `ended`, CAST(CAST(COALESCE(SUM(unanswered), 0) AS INT64) AS INT64) AS `waiting`
FROM jo
GROUP BY o_channel, waited_sec
UNION ALL
SELECT CAST('jumpOrigin' AS STRING) AS `dimension`, CAST(o_channel AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST('firstResponse' AS STRING) AS `metric`, CAST(fr_sec AS FLOAT64) AS `seconds`, CAST(CAST(COALESCE(SUM(CASE WHEN fr_kind = 'e' THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `ended`, CAST(CAST(COALESCE(SUM(CASE WHEN fr_kind = 'w' THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `waiting`
FROM jo
WHERE fr_kind IS NOT NULL
GROUP BY o_channel, fr_sec
UNION ALL
SELECT CAST('jumpOrigin' AS STRING) AS `dimension`, CAST(o_channel AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST('resolution' AS STRING) AS `metric`, CAST(res_sec AS FLOAT64) AS `seconds`, CAST(CAST(COALESCE(SUM(CASE WHEN res_kind = 'e' THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `ended`, CAST(CAST(COALESCE(SUM(CASE WHEN res_kind = 'w' THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `waiting`
FROM jo
WHERE res_kind IS NOT NULL
GROUP BY o_channel, res_sec
UNION ALL
SELECT CAST('jumpOrigin' AS STRING) AS `dimension`, CAST(o_channel AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST('tickets' AS STRING) AS `metric`, CAST(0 AS FLOAT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM jo
GROUP BY o_channel
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('journey' AS STRING) AS `group`, CAST('repeatContacts' AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(NULL AS FLOAT64) AS `seconds`, CAST(3 AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('journey' AS STRING) AS `group`, CAST('repeatWindowSeconds' AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(604800 AS FLOAT64) AS `seconds`, CAST(0 AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('journey' AS STRING) AS `group`, CAST('jumpWindowSeconds' AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(1209600 AS FLOAT64) AS `seconds`, CAST(0 AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('journey' AS STRING) AS `group`, CAST('customers' AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(NULL AS FLOAT64) AS `seconds`, CAST(CAST(COALESCE(SUM(CASE WHEN cust IS NOT NULL THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('journey' AS STRING) AS `group`, CAST('jumpers' AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(NULL AS FLOAT64) AS `seconds`, CAST(CAST(COUNT(DISTINCT cust) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM jo
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('journey' AS STRING) AS `group`, CAST('capitalsUntested' AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(NULL AS FLOAT64) AS `seconds`, CAST(CAST(COALESCE(SUM(cap_untested), 0) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
