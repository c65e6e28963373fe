-- parity count table (dimension, group, category, priority, metric, seconds, ended, waiting), snowflake dialect
WITH
r AS (
  SELECT
    CASE WHEN LOWER(NULLIF(TRIM(CAST("TICKET_ID" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS VARCHAR) ELSE NULLIF(TRIM(CAST("TICKET_ID" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END AS id_txt,
    (DATE_PART(EPOCH_MICROSECOND, CAST("CREATED_AT" AS TIMESTAMP_TZ)) / 1000000) AS created_s,
    CASE WHEN LOWER(NULLIF(TRIM(CAST("VIA_CHANNEL" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS VARCHAR) ELSE NULLIF(TRIM(CAST("VIA_CHANNEL" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END AS raw_ch,
    REGEXP_REPLACE(LOWER(CASE WHEN LOWER(NULLIF(TRIM(CAST("VIA_CHANNEL" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS VARCHAR) ELSE NULLIF(TRIM(CAST("VIA_CHANNEL" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END), '[^a-z0-9]', '') AS ch_key,
    LOWER(CASE WHEN LOWER(NULLIF(TRIM(CAST("DIRECTION" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS VARCHAR) ELSE NULLIF(TRIM(CAST("DIRECTION" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END) AS dir_txt,
    (NULLIF(CAST("FIRST_REPLY_TIME_BUSINESS_MINUTES" AS DOUBLE), CAST('NaN' AS DOUBLE)) * 60) AS fr_s,
    ((DATE_PART(EPOCH_MICROSECOND, CAST("SOLVED_AT" AS TIMESTAMP_TZ)) / 1000000) - (DATE_PART(EPOCH_MICROSECOND, CAST("CREATED_AT" AS TIMESTAMP_TZ)) / 1000000)) AS res_s,
    REGEXP_REPLACE(LOWER(CASE WHEN LOWER(NULLIF(TRIM(CAST("STATUS" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS VARCHAR) ELSE NULLIF(TRIM(CAST("STATUS" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END), '[^a-z0-9]', '') AS status_key,
    CASE WHEN LOWER(NULLIF(TRIM(CAST("TICKET_TYPE" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS VARCHAR) ELSE NULLIF(TRIM(CAST("TICKET_TYPE" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END AS cat,
    CASE WHEN LOWER(NULLIF(TRIM(CAST("PRIORITY" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS VARCHAR) ELSE NULLIF(TRIM(CAST("PRIORITY" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END AS pri,
    CASE WHEN LOWER(NULLIF(TRIM(CAST("GROUP_NAME" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS VARCHAR) ELSE NULLIF(TRIM(CAST("GROUP_NAME" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END AS byv,
    CASE WHEN NULLIF(CAST("FOLLOWER_COUNT" AS DOUBLE), CAST('NaN' AS DOUBLE)) < 0 OR (NULLIF(CAST("FOLLOWER_COUNT" AS DOUBLE), CAST('NaN' AS DOUBLE)) = 0 AND TRIM(CAST("FOLLOWER_COUNT" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff') LIKE '-%') THEN CAST(NULL AS DOUBLE) WHEN NULLIF(CAST("FOLLOWER_COUNT" AS DOUBLE), CAST('NaN' AS DOUBLE)) >= 9007199254740992 THEN CASE WHEN NULLIF(CAST("FOLLOWER_COUNT" AS DOUBLE), CAST('NaN' AS DOUBLE)) - NULLIF(CAST("FOLLOWER_COUNT" AS DOUBLE), CAST('NaN' AS DOUBLE)) = 0 THEN NULLIF(CAST("FOLLOWER_COUNT" AS DOUBLE), CAST('NaN' AS DOUBLE)) ELSE CAST(NULL AS DOUBLE) END ELSE CAST(CAST(FLOOR(NULLIF(CAST("FOLLOWER_COUNT" AS DOUBLE), CAST('NaN' AS DOUBLE)) + 0.5) AS BIGINT) AS DOUBLE) END AS followers,
    CASE WHEN LOWER(NULLIF(TRIM(CAST("REQUESTER_ID" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS VARCHAR) ELSE NULLIF(TRIM(CAST("REQUESTER_ID" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END AS cust,
    CASE WHEN LOWER(NULLIF(TRIM(CAST("IS_PUBLIC" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS VARCHAR) ELSE NULLIF(TRIM(CAST("IS_PUBLIC" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END AS pub_txt,
    CASE WHEN LOWER(NULLIF(TRIM(CAST("SUBJECT" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS VARCHAR) ELSE NULLIF(TRIM(CAST("SUBJECT" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END AS subj,
    CAST(NULL AS VARCHAR) AS txt,
    CASE WHEN LOWER(NULLIF(TRIM(CAST("TAGS" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '')) IN ('null', '\\n', 'none', 'nan', 'na', 'n/a', '-', 'nil', 'undefined', '#n/a', '0000-00-00', '0000-00-00 00:00', '0000-00-00 00:00:00', '0000-00-00t00:00:00', '0000-00-00t00:00:00z', '0000-00-00 00:00:00.000', '0000-00-00 00:00:00.000000') THEN CAST(NULL AS VARCHAR) ELSE NULLIF(TRIM(CAST("TAGS" AS VARCHAR), ' \t\n\u000b\u000c\r             \u2028\u2029  　\ufeff'), '') END AS tags_txt
  FROM "ZENDESK"."TICKETS"
),
c AS (
  SELECT
    id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
    CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phoneinbound', 'inboundphone', 'incomingcall', 'callinbound', 'voicecall', 'pstnphone', 'telefon', 'telefono', 'telefone', 'anruf', 'appel', 'llamada', 'chiamata', 'telephony', 'telefonanruf', 'appelentrant', 'appeltelephonique', 'llamadaentrante', 'telefonisch', 'telefonanrufeingehend', 'anrufeingehend', 'eingehenderanruf', 'sprachnachricht', 'ruckruf', 'appeltelephoniqueentrant', 'messagerievocale', 'llamadatelefonica', 'llamadatelefonicaentrante', 'correodevoz', 'buzondevoz', 'ligacao', 'ligacaotelefonica', 'chamada', 'chamadatelefonica', 'correiodevoz', 'telefoon', 'telefoongesprek', 'inkomendgesprek', 'inkomendeoproep', 'terugbelverzoek', 'telefonata', 'chiamatainentrata', 'chiamatatelefonica', 'segreteriatelefonica', 'phonecalloutbound', 'outboundcall', 'outboundphone', 'phoneoutbound', 'outgoingcall', 'calloutbound', 'outboundcalls', 'outbound', 'outgoing', 'telefonanrufausgehend', 'anrufausgehend', 'ausgehenderanruf', 'appelsortant', 'appeltelephoniquesortant', 'llamadasaliente', 'llamadatelefonicasaliente', 'uitgaandgesprek', 'uitgaandeoproep', 'chiamatainuscita') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'incomingemail', 'courriel', 'correo', 'correoelectronico', 'postaelettronica', 'correioeletronico', 'correioelectronico', 'outboundemail', 'emailoutbound', 'outgoingemail') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'forums', 'community', 'serviceportal', 'webformular', 'kontaktformular', 'formulaire', 'formulairedecontact', 'formulario', 'formularioweb', 'formulaireweb', 'webseite', 'kundenportal', 'siteweb', 'siteinternet', 'portail', 'portailclient', 'applicationmobile', 'sitioweb', 'paginaweb', 'formulariodecontacto', 'aplicacionmovil', 'portaldelcliente', 'formulariodecontato', 'aplicativo', 'portaldocliente', 'webformulier', 'contactformulier', 'klantenportaal', 'sitoweb', 'moduloweb', 'modulodicontatto', 'portaleclienti') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterx', 'sozialemedien', 'reseauxsociaux', 'redessociales', 'sozialenetzwerke', 'reseausocial', 'redsocial', 'redessociais', 'redesocial', 'socialemedia', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'googleplayreview', 'googleplay', 'playstorereview', 'playstore', 'googlereview', 'googlereviews', 'yelp', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage', 'instagramdirect', 'instagrammessaging') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'whatsappbusiness', 'whatsappbusinessapi', 'telegram', 'nativemessaging', 'conversation', 'bot', 'chatbot', 'widgetchat', 'viber', 'signal', 'imessage', 'kakaotalk', 'rcs', 'applebusinesschat', 'applemessagesforbusiness', 'googlebusinessmessages', 'googlemessages', 'sunshineconversations', 'webmessaging', 'inappmessaging', 'mobilemessaging', 'slack', 'microsoftteams', 'teamschat', 'inappchat', 'applemessages', 'chatendirect', 'chatenligne', 'tchat', 'messagerieinstantanee', 'chatenvivo', 'chatenlinea', 'chataovivo', 'chatonline', 'chatdalvivo') THEN 'chat' ELSE 'other' END AS channel,
    CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN (created_s IS NULL OR created_s < -62135596800 OR created_s > 253402300799) AND (status_key IN ('spam', 'deleted', 'trash', 'trashed', 'junk')) THEN 'discarded' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < -62135596800 OR created_s > 253402300799 THEN 'bad-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'phoneoutbound', 'outgoingcall', 'calloutbound', 'outboundcalls', 'outbound', 'outgoing', 'telefonanrufausgehend', 'anrufausgehend', 'ausgehenderanruf', 'appelsortant', 'appeltelephoniquesortant', 'llamadasaliente', 'llamadatelefonicasaliente', 'uitgaandgesprek', 'uitgaandeoproep', 'chiamatainuscita', 'outboundemail', 'emailoutbound', 'outgoingemail') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' OR dir_txt LIKE 'ausgehend%' OR dir_txt LIKE 'sortant%' OR dir_txt LIKE 'saliente%' OR dir_txt = 'out' THEN 'outbound' WHEN status_key IN ('spam', 'deleted', 'trash', 'trashed', 'junk') THEN 'discarded' ELSE CAST(NULL AS VARCHAR) END AS reason,
    CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved', 'gelost', 'geschlossen', 'erledigt', 'resolu', 'resolue', 'ferme', 'fermee', 'clos', 'resuelto', 'cerrado', 'risolto', 'chiuso', 'resolvido', 'fechado', 'opgelost', 'gesloten', 'abgeschlossen', 'beendet', 'concluido', 'concluded', 'finalizado', 'finalized', 'finalised', 'termine', 'terminee', 'terminado', 'afgesloten', 'completato', 'chiusa', 'risolta', 'cerrada', 'resuelta', 'cloture', 'cloturee', 'solucionado', 'solucionada', 'afgehandeld', 'resolvedauto', 'autoresolved', 'autoclosed', 'closedauto') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo', 'offen', 'neu', 'inbearbeitung', 'wartend', 'ouvert', 'nouveau', 'encours', 'enattente', 'abierto', 'nuevo', 'pendiente', 'encurso', 'aperto', 'nuovo', 'inattesa', 'aberto', 'novo', 'pendente', 'openstaand', 'nieuw', 'ausstehend', 'wartet', 'enespera', 'enprogreso', 'emespera', 'emandamento', 'emaberto', 'inbehandeling', 'wachtend', 'inafwachting', 'aperta', 'nuova', 'insospeso', 'inlavorazione') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
    cust, CASE WHEN TRANSLATE(pub_txt, 'ABCDEFGHIJKLMNOPQRSTUVWXYZK', 'abcdefghijklmnopqrstuvwxyzk') IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN TRANSLATE(pub_txt, 'ABCDEFGHIJKLMNOPQRSTUVWXYZK', 'abcdefghijklmnopqrstuvwxyzk') IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'googleplayreview', 'googleplay', 'playstorereview', 'playstore', 'googlereview', 'googlereviews', 'yelp') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (POSITION('!!!', CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) > 0 OR (OCTET_LENGTH(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = CHAR_LENGTH(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (LENGTH(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - LENGTH(REGEXP_REPLACE(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND CAST((LENGTH(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - LENGTH(REGEXP_REPLACE(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))) AS DOUBLE) / CAST((LENGTH(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - LENGTH(REGEXP_REPLACE(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) AS DOUBLE) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (POSITION('!!!', CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) > 0) AND NOT (OCTET_LENGTH(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = CHAR_LENGTH(CONCAT(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN POSITION(' vip ', CONCAT(' ', REGEXP_REPLACE(TRANSLATE(COALESCE(tags_txt, ''), 'ABCDEFGHIJKLMNOPQRSTUVWXYZK', 'abcdefghijklmnopqrstuvwxyzk'), '[\t\n\u000b\u000c\r    - \u2028\u2029  　\ufeff,;|]+', ' '), ' ')) > 0 OR POSITION(' escalated ', CONCAT(' ', REGEXP_REPLACE(TRANSLATE(COALESCE(tags_txt, ''), 'ABCDEFGHIJKLMNOPQRSTUVWXYZK', 'abcdefghijklmnopqrstuvwxyzk'), '[\t\n\u000b\u000c\r    - \u2028\u2029  　\ufeff,;|]+', ' '), ' ')) > 0 OR TRANSLATE(pri, 'ABCDEFGHIJKLMNOPQRSTUVWXYZK', 'abcdefghijklmnopqrstuvwxyzk') IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
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
    CAST(FLOOR(CASE WHEN fr_kind = 'e' THEN fr_s ELSE GREATEST(0, 1793491200 - created_s) END + 0.5) AS BIGINT) AS seconds, fr_kind AS kind
  FROM t
  WHERE fr_kind IS NOT NULL
  UNION ALL
  SELECT bandch, byv, cat, pri, 'resolution' AS metric,
    CAST(FLOOR(CASE WHEN res_kind = 'e' THEN res_s ELSE GREATEST(0, 1793491200 - created_s) END + 0.5) AS BIGINT) AS seconds, res_kind AS kind
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
    CAST(FLOOR(CASE WHEN fr_kind = 'e' THEN fr_s ELSE GREATEST(0, 1793491200 - created_s) END + 0.5) AS BIGINT) AS fr_sec
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
  SELECT jrn, cust, o_channel, unanswered, fr_kind, res_kind, CAST(FLOOR(waited + 0.5) AS BIGINT) AS waited_sec, CAST(FLOOR(CASE WHEN fr_kind = 'e' THEN fr_s ELSE GREATEST(0, 1793491200 - created_s) END + 0.5) AS BIGINT) AS fr_sec, CAST(FLOOR(CASE WHEN res_kind = 'e' THEN res_s ELSE GREATEST(0, 1793491200 - created_s) END + 0.5) AS BIGINT) AS res_sec
  FROM jp
  WHERE pick = 1
),
jl AS (
  SELECT jt.*, CASE WHEN pub = 1 OR shout = 1 OR esc = 1 OR contacts >= 3 THEN 1 ELSE 0 END AS loud,
    CASE WHEN jt.channel = 'social' THEN (CASE WHEN jo.jrn IS NULL THEN 'other' ELSE 'jump' END) END AS jump_group
  FROM jt jt LEFT JOIN jo jo ON jo.cust = jt.cust AND jo.jrn = jt.rn
)
SELECT CAST('bandChannel' AS VARCHAR) AS "DIMENSION", CAST(bandch AS VARCHAR) AS "GROUP", CAST(cat AS VARCHAR) AS "CATEGORY", CAST(pri AS VARCHAR) AS "PRIORITY", CAST(metric AS VARCHAR) AS "METRIC", CAST(seconds AS DOUBLE) AS "SECONDS", CAST(CAST(COALESCE(SUM(CASE WHEN kind = 'e' THEN 1 ELSE 0 END), 0) AS BIGINT) AS BIGINT) AS "ENDED", CAST(CAST(COALESCE(SUM(CASE WHEN kind = 'w' THEN 1 ELSE 0 END), 0) AS BIGINT) AS BIGINT) AS "WAITING"
FROM m
GROUP BY bandch, cat, pri, metric, seconds
UNION ALL
SELECT CAST('by' AS VARCHAR) AS "DIMENSION", CAST(byv AS VARCHAR) AS "GROUP", CAST(cat AS VARCHAR) AS "CATEGORY", CAST(pri AS VARCHAR) AS "PRIORITY", CAST(metric AS VARCHAR) AS "METRIC", CAST(seconds AS DOUBLE) AS "SECONDS", CAST(CAST(COALESCE(SUM(CASE WHEN kind = 'e' THEN 1 ELSE 0 END), 0) AS BIGINT) AS BIGINT) AS "ENDED", CAST(CAST(COALESCE(SUM(CASE WHEN kind = 'w' THEN 1 ELSE 0 END), 0) AS BIGINT) AS BIGINT) AS "WAITING"
FROM m
GROUP BY byv, cat, pri, metric, seconds
UNION ALL
SELECT CAST('bandChannel' AS VARCHAR) AS "DIMENSION", CAST(bandch AS VARCHAR) AS "GROUP", CAST(cat AS VARCHAR) AS "CATEGORY", CAST(pri AS VARCHAR) AS "PRIORITY", CAST('tickets' AS VARCHAR) AS "METRIC", CAST(0 AS DOUBLE) AS "SECONDS", CAST(CAST(COUNT(*) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM t
GROUP BY bandch, cat, pri
UNION ALL
SELECT CAST('by' AS VARCHAR) AS "DIMENSION", CAST(byv AS VARCHAR) AS "GROUP", CAST(cat AS VARCHAR) AS "CATEGORY", CAST(pri AS VARCHAR) AS "PRIORITY", CAST('tickets' AS VARCHAR) AS "METRIC", CAST(0 AS DOUBLE) AS "SECONDS", CAST(CAST(COUNT(*) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM t
GROUP BY byv, cat, pri
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('rows' AS VARCHAR) AS "GROUP", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "METRIC", CAST(NULL AS DOUBLE) AS "SECONDS", CAST(CAST(COUNT(*) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM c
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('rejected' AS VARCHAR) AS "GROUP", CAST(reason AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "METRIC", CAST(NULL AS DOUBLE) AS "SECONDS", CAST(CAST(COUNT(*) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM c
WHERE reason IS NOT NULL
GROUP BY reason
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('tickets' AS VARCHAR) AS "GROUP", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "METRIC", CAST(NULL AS DOUBLE) AS "SECONDS", CAST(CAST(COUNT(*) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM t
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('repeatedIds' AS VARCHAR) AS "GROUP", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "METRIC", CAST(NULL AS DOUBLE) AS "SECONDS", CAST(CAST(COALESCE(SUM(n - 1), 0) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM (
  SELECT CAST(COUNT(*) AS BIGINT) AS n
  FROM t
  GROUP BY id_txt
  HAVING CAST(COUNT(*) AS BIGINT) > 1
) AS "PARITY_REPEATS"
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('createdFrom' AS VARCHAR) AS "GROUP", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "METRIC", CAST(MIN(created_s) AS DOUBLE) AS "SECONDS", CAST(0 AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM t
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('createdTo' AS VARCHAR) AS "GROUP", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "METRIC", CAST(MAX(created_s) AS DOUBLE) AS "SECONDS", CAST(0 AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM t
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('asOf' AS VARCHAR) AS "GROUP", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "METRIC", CAST(CAST(FLOOR(1793491200 + 0.5) AS BIGINT) AS DOUBLE) AS "SECONDS", CAST(0 AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('negative' AS VARCHAR) AS "GROUP", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST('firstResponse' AS VARCHAR) AS "METRIC", CAST(NULL AS DOUBLE) AS "SECONDS", CAST(CAST(COALESCE(SUM(fr_neg), 0) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM t
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('negative' AS VARCHAR) AS "GROUP", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST('resolution' AS VARCHAR) AS "METRIC", CAST(NULL AS DOUBLE) AS "SECONDS", CAST(CAST(COALESCE(SUM(res_neg), 0) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM t
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('measured' AS VARCHAR) AS "GROUP", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST('firstResponse' AS VARCHAR) AS "METRIC", CAST(NULL AS DOUBLE) AS "SECONDS", CAST(CAST(COALESCE(SUM(CASE WHEN fr_kind IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM t
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('measured' AS VARCHAR) AS "GROUP", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST('resolution' AS VARCHAR) AS "METRIC", CAST(NULL AS DOUBLE) AS "SECONDS", CAST(CAST(COALESCE(SUM(CASE WHEN res_kind IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM t
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('by' AS VARCHAR) AS "GROUP", CAST('group' AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "METRIC", CAST(NULL AS DOUBLE) AS "SECONDS", CAST(0 AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('clock' AS VARCHAR) AS "GROUP", CAST('business' AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "METRIC", CAST(NULL AS DOUBLE) AS "SECONDS", CAST(0 AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('waitingClock' AS VARCHAR) AS "GROUP", CAST('calendar' AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "METRIC", CAST(NULL AS DOUBLE) AS "SECONDS", CAST(0 AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('note' AS VARCHAR) AS "GROUP", CAST('business clock: it\'s a note' AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "METRIC", CAST(0 AS DOUBLE) AS "SECONDS", CAST(0 AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
UNION ALL
SELECT CAST('rawChannel' AS VARCHAR) AS "DIMENSION", CAST(COALESCE(raw_ch, '(empty)') AS VARCHAR) AS "GROUP", CAST(channel AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "METRIC", CAST(NULL AS DOUBLE) AS "SECONDS", CAST(CAST(COUNT(*) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM t
GROUP BY raw_ch, channel
UNION ALL
SELECT CAST('loud' AS VARCHAR) AS "DIMENSION", CAST(CONCAT(CASE WHEN loud = 1 THEN 'loud / ' ELSE 'quiet / ' END, channel) AS VARCHAR) AS "GROUP", CAST(cat AS VARCHAR) AS "CATEGORY", CAST(pri AS VARCHAR) AS "PRIORITY", CAST('firstResponse' AS VARCHAR) AS "METRIC", CAST(fr_sec AS DOUBLE) AS "SECONDS", CAST(CAST(COALESCE(SUM(CASE WHEN fr_kind = 'e' THEN 1 ELSE 0 END), 0) AS BIGINT) AS BIGINT) AS "ENDED", CAST(CAST(COALESCE(SUM(CASE WHEN fr_kind = 'w' THEN 1 ELSE 0 END), 0) AS BIGINT) AS BIGINT) AS "WAITING"
FROM jl
WHERE fr_kind IS NOT NULL
GROUP BY CONCAT(CASE WHEN loud = 1 THEN 'loud / ' ELSE 'quiet / ' END, channel), cat, pri, fr_sec
UNION ALL
SELECT CAST('loud' AS VARCHAR) AS "DIMENSION", CAST(CONCAT(CASE WHEN loud = 1 THEN 'loud / ' ELSE 'quiet / ' END, channel) AS VARCHAR) AS "GROUP", CAST(cat AS VARCHAR) AS "CATEGORY", CAST(pri AS VARCHAR) AS "PRIORITY", CAST('tickets' AS VARCHAR) AS "METRIC", CAST(0 AS DOUBLE) AS "SECONDS", CAST(CAST(COUNT(*) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM jl
GROUP BY CONCAT(CASE WHEN loud = 1 THEN 'loud / ' ELSE 'quiet / ' END, channel), cat, pri
UNION ALL
SELECT CAST('loudReason' AS VARCHAR) AS "DIMENSION", CAST(CONCAT('public / ', channel) AS VARCHAR) AS "GROUP", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST('tickets' AS VARCHAR) AS "METRIC", CAST(0 AS DOUBLE) AS "SECONDS", CAST(CAST(COUNT(*) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM jl
WHERE pub = 1
GROUP BY channel
UNION ALL
SELECT CAST('loudReason' AS VARCHAR) AS "DIMENSION", CAST(CONCAT('repeatContact / ', channel) AS VARCHAR) AS "GROUP", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST('tickets' AS VARCHAR) AS "METRIC", CAST(0 AS DOUBLE) AS "SECONDS", CAST(CAST(COUNT(*) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM jl
WHERE contacts >= 3
GROUP BY channel
UNION ALL
SELECT CAST('loudReason' AS VARCHAR) AS "DIMENSION", CAST(CONCAT('shouting / ', channel) AS VARCHAR) AS "GROUP", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST('tickets' AS VARCHAR) AS "METRIC", CAST(0 AS DOUBLE) AS "SECONDS", CAST(CAST(COUNT(*) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM jl
WHERE shout = 1
GROUP BY channel
UNION ALL
SELECT CAST('loudReason' AS VARCHAR) AS "DIMENSION", CAST(CONCAT('escalated / ', channel) AS VARCHAR) AS "GROUP", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST('tickets' AS VARCHAR) AS "METRIC", CAST(0 AS DOUBLE) AS "SECONDS", CAST(CAST(COUNT(*) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM jl
WHERE esc = 1
GROUP BY channel
UNION ALL
SELECT CAST('jump' AS VARCHAR) AS "DIMENSION", CAST(jump_group AS VARCHAR) AS "GROUP", CAST(cat AS VARCHAR) AS "CATEGORY", CAST(pri AS VARCHAR) AS "PRIORITY", CAST('firstResponse' AS VARCHAR) AS "METRIC", CAST(fr_sec AS DOUBLE) AS "SECONDS", CAST(CAST(COALESCE(SUM(CASE WHEN fr_kind = 'e' THEN 1 ELSE 0 END), 0) AS BIGINT) AS BIGINT) AS "ENDED", CAST(CAST(COALESCE(SUM(CASE WHEN fr_kind = 'w' THEN 1 ELSE 0 END), 0) AS BIGINT) AS BIGINT) AS "WAITING"
FROM jl
WHERE fr_kind IS NOT NULL AND jump_group IS NOT NULL
GROUP BY jump_group, cat, pri, fr_sec
UNION ALL
SELECT CAST('jump' AS VARCHAR) AS "DIMENSION", CAST(jump_group AS VARCHAR) AS "GROUP", CAST(cat AS VARCHAR) AS "CATEGORY", CAST(pri AS VARCHAR) AS "PRIORITY", CAST('tickets' AS VARCHAR) AS "METRIC", CAST(0 AS DOUBLE) AS "SECONDS", CAST(CAST(COUNT(*) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM jl
WHERE jump_group IS NOT NULL
GROUP BY jump_group, cat, pri
UNION ALL
SELECT CAST('jumpOrigin' AS VARCHAR) AS "DIMENSION", CAST(o_channel AS VARCHAR) AS "GROUP", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST('waited' AS VARCHAR) AS "METRIC", CAST(waited_sec AS DOUBLE) AS "SECONDS", CAST(CAST(COALESCE(SUM(1 - unanswered), 0) AS BIGINT) AS BIGINT) AS "ENDED", CAST(CAST(COALESCE(SUM(unanswered), 0) AS BIGINT) AS BIGINT) AS "WAITING"
FROM jo
GROUP BY o_channel, waited_sec
UNION ALL
SELECT CAST('jumpOrigin' AS VARCHAR) AS "DIMENSION", CAST(o_channel AS VARCHAR) AS "GROUP", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST('firstResponse' AS VARCHAR) AS "METRIC", CAST(fr_sec AS DOUBLE) AS "SECONDS", CAST(CAST(COALESCE(SUM(CASE WHEN fr_kind = 'e' THEN 1 ELSE 0 END), 0) AS BIGINT) AS BIGINT) AS "ENDED", CAST(CAST(COALESCE(SUM(CASE WHEN fr_kind = 'w' THEN 1 ELSE 0 END), 0) AS BIGINT) AS BIGINT) AS "WAITING"
FROM jo
WHERE fr_kind IS NOT NULL
GROUP BY o_channel, fr_sec
UNION ALL
SELECT CAST('jumpOrigin' AS VARCHAR) AS "DIMENSION", CAST(o_channel AS VARCHAR) AS "GROUP", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST('resolution' AS VARCHAR) AS "METRIC", CAST(res_sec AS DOUBLE) AS "SECONDS", CAST(CAST(COALESCE(SUM(CASE WHEN res_kind = 'e' THEN 1 ELSE 0 END), 0) AS BIGINT) AS BIGINT) AS "ENDED", CAST(CAST(COALESCE(SUM(CASE WHEN res_kind = 'w' THEN 1 ELSE 0 END), 0) AS BIGINT) AS BIGINT) AS "WAITING"
FROM jo
WHERE res_kind IS NOT NULL
GROUP BY o_channel, res_sec
UNION ALL
SELECT CAST('jumpOrigin' AS VARCHAR) AS "DIMENSION", CAST(o_channel AS VARCHAR) AS "GROUP", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST('tickets' AS VARCHAR) AS "METRIC", CAST(0 AS DOUBLE) AS "SECONDS", CAST(CAST(COUNT(*) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM jo
GROUP BY o_channel
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('journey' AS VARCHAR) AS "GROUP", CAST('repeatContacts' AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "METRIC", CAST(NULL AS DOUBLE) AS "SECONDS", CAST(3 AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('journey' AS VARCHAR) AS "GROUP", CAST('repeatWindowSeconds' AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "METRIC", CAST(604800 AS DOUBLE) AS "SECONDS", CAST(0 AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('journey' AS VARCHAR) AS "GROUP", CAST('jumpWindowSeconds' AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "METRIC", CAST(1209600 AS DOUBLE) AS "SECONDS", CAST(0 AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('journey' AS VARCHAR) AS "GROUP", CAST('customers' AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "METRIC", CAST(NULL AS DOUBLE) AS "SECONDS", CAST(CAST(COALESCE(SUM(CASE WHEN cust IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM t
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('journey' AS VARCHAR) AS "GROUP", CAST('jumpers' AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "METRIC", CAST(NULL AS DOUBLE) AS "SECONDS", CAST(CAST(COUNT(DISTINCT cust) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM jo
UNION ALL
SELECT CAST('meta' AS VARCHAR) AS "DIMENSION", CAST('journey' AS VARCHAR) AS "GROUP", CAST('capitalsUntested' AS VARCHAR) AS "CATEGORY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "PRIORITY", CAST(CAST(NULL AS VARCHAR) AS VARCHAR) AS "METRIC", CAST(NULL AS DOUBLE) AS "SECONDS", CAST(CAST(COALESCE(SUM(cap_untested), 0) AS BIGINT) AS BIGINT) AS "ENDED", CAST(0 AS BIGINT) AS "WAITING"
FROM t
