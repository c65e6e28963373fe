-- parity count table (dimension, group, category, priority, metric, seconds, ended, waiting), clickhouse dialect
SELECT toNullable(toString('bandChannel')) AS `dimension`, toNullable(toString(bandch)) AS `group`, toNullable(toString(cat)) AS `category`, toNullable(toString(pri)) AS `priority`, toNullable(toString(metric)) AS `metric`, toNullable(toInt64(seconds)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(sum(CASE WHEN kind = 'e' THEN 1 ELSE 0 END))))) AS `ended`, toNullable(toInt64(toNullable(toInt64(sum(CASE WHEN kind = 'w' THEN 1 ELSE 0 END))))) AS `waiting`
FROM (
  SELECT bandch, byv, cat, pri, 'firstResponse' AS metric,
    toNullable(toInt64(floor(CASE WHEN fr_kind = 'e' THEN fr_s ELSE greatest(0, 1793491200 - created_s) END + 0.5))) AS seconds, fr_kind AS kind
  FROM (
    SELECT
      created_s, raw_ch, channel, cat, pri, fr_s, res_s,
      COALESCE(byv, '(no group)') AS byv,
      CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
      concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
      CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
      CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
      CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
      id_txt, cust, pub, shout, cap_untested, esc
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
        cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
      FROM (
        SELECT
          nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
          toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
          nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
          LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
          (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
          (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
          nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
          nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
          nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
          toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
          nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
          nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
          nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
          CAST(NULL AS Nullable(String)) AS txt,
          nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
        FROM `zendesk`.`tickets`
      )
    )
    WHERE reason IS NULL
  )
  WHERE fr_kind IS NOT NULL
  UNION ALL
  SELECT bandch, byv, cat, pri, 'resolution' AS metric,
    toNullable(toInt64(floor(CASE WHEN res_kind = 'e' THEN res_s ELSE greatest(0, 1793491200 - created_s) END + 0.5))) AS seconds, res_kind AS kind
  FROM (
    SELECT
      created_s, raw_ch, channel, cat, pri, fr_s, res_s,
      COALESCE(byv, '(no group)') AS byv,
      CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
      concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
      CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
      CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
      CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
      id_txt, cust, pub, shout, cap_untested, esc
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
        cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
      FROM (
        SELECT
          nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
          toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
          nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
          LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
          (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
          (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
          nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
          nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
          nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
          toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
          nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
          nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
          nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
          CAST(NULL AS Nullable(String)) AS txt,
          nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
        FROM `zendesk`.`tickets`
      )
    )
    WHERE reason IS NULL
  )
  WHERE res_kind IS NOT NULL
)
GROUP BY bandch, cat, pri, metric, seconds
UNION ALL
SELECT toNullable(toString('by')) AS `dimension`, toNullable(toString(byv)) AS `group`, toNullable(toString(cat)) AS `category`, toNullable(toString(pri)) AS `priority`, toNullable(toString(metric)) AS `metric`, toNullable(toInt64(seconds)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(sum(CASE WHEN kind = 'e' THEN 1 ELSE 0 END))))) AS `ended`, toNullable(toInt64(toNullable(toInt64(sum(CASE WHEN kind = 'w' THEN 1 ELSE 0 END))))) AS `waiting`
FROM (
  SELECT bandch, byv, cat, pri, 'firstResponse' AS metric,
    toNullable(toInt64(floor(CASE WHEN fr_kind = 'e' THEN fr_s ELSE greatest(0, 1793491200 - created_s) END + 0.5))) AS seconds, fr_kind AS kind
  FROM (
    SELECT
      created_s, raw_ch, channel, cat, pri, fr_s, res_s,
      COALESCE(byv, '(no group)') AS byv,
      CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
      concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
      CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
      CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
      CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
      id_txt, cust, pub, shout, cap_untested, esc
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
        cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
      FROM (
        SELECT
          nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
          toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
          nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
          LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
          (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
          (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
          nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
          nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
          nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
          toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
          nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
          nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
          nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
          CAST(NULL AS Nullable(String)) AS txt,
          nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
        FROM `zendesk`.`tickets`
      )
    )
    WHERE reason IS NULL
  )
  WHERE fr_kind IS NOT NULL
  UNION ALL
  SELECT bandch, byv, cat, pri, 'resolution' AS metric,
    toNullable(toInt64(floor(CASE WHEN res_kind = 'e' THEN res_s ELSE greatest(0, 1793491200 - created_s) END + 0.5))) AS seconds, res_kind AS kind
  FROM (
    SELECT
      created_s, raw_ch, channel, cat, pri, fr_s, res_s,
      COALESCE(byv, '(no group)') AS byv,
      CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
      concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
      CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
      CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
      CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
      id_txt, cust, pub, shout, cap_untested, esc
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
        cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
      FROM (
        SELECT
          nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
          toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
          nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
          LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
          (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
          (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
          nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
          nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
          nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
          toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
          nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
          nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
          nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
          CAST(NULL AS Nullable(String)) AS txt,
          nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
        FROM `zendesk`.`tickets`
      )
    )
    WHERE reason IS NULL
  )
  WHERE res_kind IS NOT NULL
)
GROUP BY byv, cat, pri, metric, seconds
UNION ALL
SELECT toNullable(toString('bandChannel')) AS `dimension`, toNullable(toString(bandch)) AS `group`, toNullable(toString(cat)) AS `category`, toNullable(toString(pri)) AS `priority`, toNullable(toString('tickets')) AS `metric`, toNullable(toInt64(0)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(count())))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT
    created_s, raw_ch, channel, cat, pri, fr_s, res_s,
    COALESCE(byv, '(no group)') AS byv,
    CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
    concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
    CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
    CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
    CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
    id_txt, cust, pub, shout, cap_untested, esc
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
      cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
    FROM (
      SELECT
        nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
        toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
        nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
        LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
        (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
        (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
        nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
        nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
        nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
        toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
        nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
        nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
        nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
        CAST(NULL AS Nullable(String)) AS txt,
        nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
      FROM `zendesk`.`tickets`
    )
  )
  WHERE reason IS NULL
)
GROUP BY bandch, cat, pri
UNION ALL
SELECT toNullable(toString('by')) AS `dimension`, toNullable(toString(byv)) AS `group`, toNullable(toString(cat)) AS `category`, toNullable(toString(pri)) AS `priority`, toNullable(toString('tickets')) AS `metric`, toNullable(toInt64(0)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(count())))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT
    created_s, raw_ch, channel, cat, pri, fr_s, res_s,
    COALESCE(byv, '(no group)') AS byv,
    CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
    concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
    CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
    CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
    CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
    id_txt, cust, pub, shout, cap_untested, esc
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
      cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
    FROM (
      SELECT
        nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
        toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
        nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
        LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
        (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
        (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
        nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
        nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
        nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
        toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
        nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
        nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
        nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
        CAST(NULL AS Nullable(String)) AS txt,
        nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
      FROM `zendesk`.`tickets`
    )
  )
  WHERE reason IS NULL
)
GROUP BY byv, cat, pri
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('rows')) AS `group`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(NULL)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(count())))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT
    id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
    CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
    CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
    CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
    cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
  FROM (
    SELECT
      nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
      toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
      nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
      replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
      LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
      (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
      (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
      replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
      nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
      nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
      nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
      toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
      nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
      nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
      nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
      CAST(NULL AS Nullable(String)) AS txt,
      nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
    FROM `zendesk`.`tickets`
  )
)
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('rejected')) AS `group`, toNullable(toString(reason)) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(NULL)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(count())))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT
    id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
    CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
    CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
    CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
    cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
  FROM (
    SELECT
      nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
      toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
      nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
      replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
      LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
      (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
      (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
      replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
      nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
      nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
      nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
      toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
      nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
      nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
      nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
      CAST(NULL AS Nullable(String)) AS txt,
      nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
    FROM `zendesk`.`tickets`
  )
)
WHERE reason IS NOT NULL
GROUP BY reason
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('tickets')) AS `group`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(NULL)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(count())))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT
    created_s, raw_ch, channel, cat, pri, fr_s, res_s,
    COALESCE(byv, '(no group)') AS byv,
    CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
    concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
    CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
    CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
    CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
    id_txt, cust, pub, shout, cap_untested, esc
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
      cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
    FROM (
      SELECT
        nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
        toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
        nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
        LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
        (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
        (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
        nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
        nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
        nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
        toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
        nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
        nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
        nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
        CAST(NULL AS Nullable(String)) AS txt,
        nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
      FROM `zendesk`.`tickets`
    )
  )
  WHERE reason IS NULL
)
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('repeatedIds')) AS `group`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(NULL)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(sum(n - 1))))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT toNullable(toInt64(count())) AS n
  FROM (
    SELECT
      created_s, raw_ch, channel, cat, pri, fr_s, res_s,
      COALESCE(byv, '(no group)') AS byv,
      CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
      concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
      CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
      CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
      CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
      id_txt, cust, pub, shout, cap_untested, esc
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
        cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
      FROM (
        SELECT
          nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
          toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
          nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
          LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
          (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
          (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
          nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
          nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
          nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
          toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
          nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
          nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
          nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
          CAST(NULL AS Nullable(String)) AS txt,
          nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
        FROM `zendesk`.`tickets`
      )
    )
    WHERE reason IS NULL
  )
  GROUP BY id_txt
  HAVING toNullable(toInt64(count())) > 1
) `parity_repeats`
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('createdFrom')) AS `group`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(toNullable(toInt64(floor(min(created_s) + 0.5))))) AS `seconds`, toNullable(toInt64(0)) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT
    created_s, raw_ch, channel, cat, pri, fr_s, res_s,
    COALESCE(byv, '(no group)') AS byv,
    CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
    concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
    CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
    CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
    CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
    id_txt, cust, pub, shout, cap_untested, esc
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
      cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
    FROM (
      SELECT
        nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
        toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
        nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
        LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
        (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
        (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
        nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
        nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
        nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
        toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
        nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
        nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
        nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
        CAST(NULL AS Nullable(String)) AS txt,
        nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
      FROM `zendesk`.`tickets`
    )
  )
  WHERE reason IS NULL
)
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('createdTo')) AS `group`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(toNullable(toInt64(floor(max(created_s) + 0.5))))) AS `seconds`, toNullable(toInt64(0)) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT
    created_s, raw_ch, channel, cat, pri, fr_s, res_s,
    COALESCE(byv, '(no group)') AS byv,
    CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
    concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
    CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
    CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
    CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
    id_txt, cust, pub, shout, cap_untested, esc
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
      cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
    FROM (
      SELECT
        nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
        toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
        nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
        LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
        (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
        (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
        nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
        nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
        nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
        toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
        nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
        nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
        nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
        CAST(NULL AS Nullable(String)) AS txt,
        nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
      FROM `zendesk`.`tickets`
    )
  )
  WHERE reason IS NULL
)
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('asOf')) AS `group`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(toNullable(toInt64(floor(1793491200 + 0.5))))) AS `seconds`, toNullable(toInt64(0)) AS `ended`, toNullable(toInt64(0)) AS `waiting`
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('negative')) AS `group`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString('firstResponse')) AS `metric`, toNullable(toInt64(NULL)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(sum(fr_neg))))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT
    created_s, raw_ch, channel, cat, pri, fr_s, res_s,
    COALESCE(byv, '(no group)') AS byv,
    CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
    concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
    CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
    CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
    CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
    id_txt, cust, pub, shout, cap_untested, esc
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
      cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
    FROM (
      SELECT
        nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
        toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
        nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
        LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
        (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
        (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
        nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
        nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
        nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
        toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
        nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
        nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
        nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
        CAST(NULL AS Nullable(String)) AS txt,
        nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
      FROM `zendesk`.`tickets`
    )
  )
  WHERE reason IS NULL
)
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('negative')) AS `group`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString('resolution')) AS `metric`, toNullable(toInt64(NULL)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(sum(res_neg))))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT
    created_s, raw_ch, channel, cat, pri, fr_s, res_s,
    COALESCE(byv, '(no group)') AS byv,
    CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
    concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
    CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
    CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
    CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
    id_txt, cust, pub, shout, cap_untested, esc
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
      cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
    FROM (
      SELECT
        nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
        toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
        nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
        LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
        (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
        (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
        nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
        nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
        nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
        toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
        nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
        nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
        nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
        CAST(NULL AS Nullable(String)) AS txt,
        nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
      FROM `zendesk`.`tickets`
    )
  )
  WHERE reason IS NULL
)
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('measured')) AS `group`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString('firstResponse')) AS `metric`, toNullable(toInt64(NULL)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(sum(CASE WHEN fr_kind IS NOT NULL THEN 1 ELSE 0 END))))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT
    created_s, raw_ch, channel, cat, pri, fr_s, res_s,
    COALESCE(byv, '(no group)') AS byv,
    CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
    concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
    CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
    CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
    CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
    id_txt, cust, pub, shout, cap_untested, esc
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
      cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
    FROM (
      SELECT
        nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
        toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
        nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
        LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
        (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
        (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
        nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
        nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
        nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
        toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
        nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
        nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
        nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
        CAST(NULL AS Nullable(String)) AS txt,
        nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
      FROM `zendesk`.`tickets`
    )
  )
  WHERE reason IS NULL
)
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('measured')) AS `group`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString('resolution')) AS `metric`, toNullable(toInt64(NULL)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(sum(CASE WHEN res_kind IS NOT NULL THEN 1 ELSE 0 END))))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT
    created_s, raw_ch, channel, cat, pri, fr_s, res_s,
    COALESCE(byv, '(no group)') AS byv,
    CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
    concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
    CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
    CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
    CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
    id_txt, cust, pub, shout, cap_untested, esc
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
      cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
    FROM (
      SELECT
        nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
        toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
        nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
        LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
        (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
        (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
        nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
        nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
        nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
        toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
        nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
        nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
        nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
        CAST(NULL AS Nullable(String)) AS txt,
        nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
      FROM `zendesk`.`tickets`
    )
  )
  WHERE reason IS NULL
)
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('by')) AS `group`, toNullable(toString('group')) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(NULL)) AS `seconds`, toNullable(toInt64(0)) AS `ended`, toNullable(toInt64(0)) AS `waiting`
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('clock')) AS `group`, toNullable(toString('business')) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(NULL)) AS `seconds`, toNullable(toInt64(0)) AS `ended`, toNullable(toInt64(0)) AS `waiting`
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('waitingClock')) AS `group`, toNullable(toString('calendar')) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(NULL)) AS `seconds`, toNullable(toInt64(0)) AS `ended`, toNullable(toInt64(0)) AS `waiting`
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('note')) AS `group`, toNullable(toString('business clock: it\'s a note')) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(0)) AS `seconds`, toNullable(toInt64(0)) AS `ended`, toNullable(toInt64(0)) AS `waiting`
UNION ALL
SELECT toNullable(toString('rawChannel')) AS `dimension`, toNullable(toString(COALESCE(raw_ch, '(empty)'))) AS `group`, toNullable(toString(channel)) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(NULL)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(count())))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT
    created_s, raw_ch, channel, cat, pri, fr_s, res_s,
    COALESCE(byv, '(no group)') AS byv,
    CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
    concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
    CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
    CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
    CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
    id_txt, cust, pub, shout, cap_untested, esc
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
      cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
    FROM (
      SELECT
        nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
        toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
        nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
        LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
        (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
        (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
        nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
        nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
        nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
        toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
        nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
        nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
        nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
        CAST(NULL AS Nullable(String)) AS txt,
        nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
      FROM `zendesk`.`tickets`
    )
  )
  WHERE reason IS NULL
)
GROUP BY raw_ch, channel
UNION ALL
SELECT toNullable(toString('loud')) AS `dimension`, toNullable(toString(concat(CASE WHEN loud = 1 THEN 'loud / ' ELSE 'quiet / ' END, channel))) AS `group`, toNullable(toString(cat)) AS `category`, toNullable(toString(pri)) AS `priority`, toNullable(toString('firstResponse')) AS `metric`, toNullable(toInt64(fr_sec)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(sum(CASE WHEN fr_kind = 'e' THEN 1 ELSE 0 END))))) AS `ended`, toNullable(toInt64(toNullable(toInt64(sum(CASE WHEN fr_kind = 'w' THEN 1 ELSE 0 END))))) AS `waiting`
FROM (
  SELECT cust, channel, cat, pri, fr_kind, pub, shout, esc, contacts,
    toNullable(toInt64(floor(CASE WHEN fr_kind = 'e' THEN fr_s ELSE greatest(0, 1793491200 - created_s) END + 0.5))) AS fr_sec, CASE WHEN pub = 1 OR shout = 1 OR esc = 1 OR contacts >= 3 THEN 1 ELSE 0 END AS loud,
    CASE WHEN channel = 'social' THEN (CASE WHEN is_jump = 1 THEN 'jump' ELSE 'other' END) END AS jump_group,
    is_jump, origin, created_s
  FROM (
  SELECT the_cust AS cust, tupleElement(me, 1) AS created_s, tupleElement(me, 2) AS channel, tupleElement(me, 3) AS cat, tupleElement(me, 4) AS pri, tupleElement(me, 5) AS fr_kind, tupleElement(me, 6) AS fr_s, tupleElement(me, 7) AS res_kind, tupleElement(me, 8) AS res_s, tupleElement(me, 9) AS pub, tupleElement(me, 10) AS shout, tupleElement(me, 11) AS esc, tupleElement(me, 12) AS ch_order, tupleElement(me, 13) AS answered_at, tupleElement(me, 14) AS resolved_at, tupleElement(me, 15) AS settled_at,
    CASE WHEN cust IS NULL THEN 0 ELSE arrayCount(o -> tupleElement(o, 1) >= tupleElement(me, 1) - 604800 AND tupleElement(o, 1) <= tupleElement(me, 1), arr) END AS contacts,
    arrayFilter(o -> tupleElement(o, 12) IN (0, 1, 2) AND tupleElement(o, 1) < tupleElement(me, 1) AND tupleElement(o, 1) >= tupleElement(me, 1) - 1209600 AND tupleElement(o, 15) > tupleElement(me, 1), arr) AS cand,
    CASE WHEN channel = 'social' AND cust IS NOT NULL AND length(cand) > 0 THEN 1 ELSE 0 END AS is_jump,
    arrayFilter(o4 -> tupleElement(o4, 14) = arrayReduce('min', arrayMap(p4 -> tupleElement(p4, 14), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))[1] AS origin
  FROM (
  SELECT ifNull(cust, concat('\0', toString(rowNumberInAllBlocks()))) AS ckey, any(cust) AS the_cust, groupArray(tuple(toFloat64(assumeNotNull(created_s)), channel, cat, pri, CAST(fr_kind AS Nullable(String)), CAST(fr_s AS Nullable(Float64)), CAST(res_kind AS Nullable(String)), CAST(res_s AS Nullable(Float64)), toUInt8(pub), toUInt8(shout), toUInt8(esc), toUInt8(assumeNotNull(CASE WHEN channel = 'phone' THEN 0 WHEN channel = 'email' THEN 1 WHEN channel = 'web' THEN 2 WHEN channel = 'social' THEN 3 WHEN channel = 'chat' THEN 4 WHEN channel = 'other' THEN 5 ELSE 6 END)), toFloat64(assumeNotNull(ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s WHEN res_kind IS NULL THEN ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300) END, 1e300))))) AS arr
  FROM (
    SELECT
      created_s, raw_ch, channel, cat, pri, fr_s, res_s,
      COALESCE(byv, '(no group)') AS byv,
      CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
      concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
      CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
      CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
      CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
      id_txt, cust, pub, shout, cap_untested, esc
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
        cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
      FROM (
        SELECT
          nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
          toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
          nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
          LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
          (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
          (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
          nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
          nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
          nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
          toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
          nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
          nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
          nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
          CAST(NULL AS Nullable(String)) AS txt,
          nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
        FROM `zendesk`.`tickets`
      )
    )
    WHERE reason IS NULL
  )
  GROUP BY ckey
  )
  ARRAY JOIN arr AS me
  )
)
WHERE fr_kind IS NOT NULL
GROUP BY concat(CASE WHEN loud = 1 THEN 'loud / ' ELSE 'quiet / ' END, channel), cat, pri, fr_sec
UNION ALL
SELECT toNullable(toString('loud')) AS `dimension`, toNullable(toString(concat(CASE WHEN loud = 1 THEN 'loud / ' ELSE 'quiet / ' END, channel))) AS `group`, toNullable(toString(cat)) AS `category`, toNullable(toString(pri)) AS `priority`, toNullable(toString('tickets')) AS `metric`, toNullable(toInt64(0)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(count())))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT cust, channel, cat, pri, fr_kind, pub, shout, esc, contacts,
    toNullable(toInt64(floor(CASE WHEN fr_kind = 'e' THEN fr_s ELSE greatest(0, 1793491200 - created_s) END + 0.5))) AS fr_sec, CASE WHEN pub = 1 OR shout = 1 OR esc = 1 OR contacts >= 3 THEN 1 ELSE 0 END AS loud,
    CASE WHEN channel = 'social' THEN (CASE WHEN is_jump = 1 THEN 'jump' ELSE 'other' END) END AS jump_group,
    is_jump, origin, created_s
  FROM (
  SELECT the_cust AS cust, tupleElement(me, 1) AS created_s, tupleElement(me, 2) AS channel, tupleElement(me, 3) AS cat, tupleElement(me, 4) AS pri, tupleElement(me, 5) AS fr_kind, tupleElement(me, 6) AS fr_s, tupleElement(me, 7) AS res_kind, tupleElement(me, 8) AS res_s, tupleElement(me, 9) AS pub, tupleElement(me, 10) AS shout, tupleElement(me, 11) AS esc, tupleElement(me, 12) AS ch_order, tupleElement(me, 13) AS answered_at, tupleElement(me, 14) AS resolved_at, tupleElement(me, 15) AS settled_at,
    CASE WHEN cust IS NULL THEN 0 ELSE arrayCount(o -> tupleElement(o, 1) >= tupleElement(me, 1) - 604800 AND tupleElement(o, 1) <= tupleElement(me, 1), arr) END AS contacts,
    arrayFilter(o -> tupleElement(o, 12) IN (0, 1, 2) AND tupleElement(o, 1) < tupleElement(me, 1) AND tupleElement(o, 1) >= tupleElement(me, 1) - 1209600 AND tupleElement(o, 15) > tupleElement(me, 1), arr) AS cand,
    CASE WHEN channel = 'social' AND cust IS NOT NULL AND length(cand) > 0 THEN 1 ELSE 0 END AS is_jump,
    arrayFilter(o4 -> tupleElement(o4, 14) = arrayReduce('min', arrayMap(p4 -> tupleElement(p4, 14), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))[1] AS origin
  FROM (
  SELECT ifNull(cust, concat('\0', toString(rowNumberInAllBlocks()))) AS ckey, any(cust) AS the_cust, groupArray(tuple(toFloat64(assumeNotNull(created_s)), channel, cat, pri, CAST(fr_kind AS Nullable(String)), CAST(fr_s AS Nullable(Float64)), CAST(res_kind AS Nullable(String)), CAST(res_s AS Nullable(Float64)), toUInt8(pub), toUInt8(shout), toUInt8(esc), toUInt8(assumeNotNull(CASE WHEN channel = 'phone' THEN 0 WHEN channel = 'email' THEN 1 WHEN channel = 'web' THEN 2 WHEN channel = 'social' THEN 3 WHEN channel = 'chat' THEN 4 WHEN channel = 'other' THEN 5 ELSE 6 END)), toFloat64(assumeNotNull(ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s WHEN res_kind IS NULL THEN ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300) END, 1e300))))) AS arr
  FROM (
    SELECT
      created_s, raw_ch, channel, cat, pri, fr_s, res_s,
      COALESCE(byv, '(no group)') AS byv,
      CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
      concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
      CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
      CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
      CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
      id_txt, cust, pub, shout, cap_untested, esc
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
        cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
      FROM (
        SELECT
          nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
          toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
          nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
          LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
          (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
          (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
          nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
          nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
          nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
          toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
          nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
          nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
          nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
          CAST(NULL AS Nullable(String)) AS txt,
          nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
        FROM `zendesk`.`tickets`
      )
    )
    WHERE reason IS NULL
  )
  GROUP BY ckey
  )
  ARRAY JOIN arr AS me
  )
)
GROUP BY concat(CASE WHEN loud = 1 THEN 'loud / ' ELSE 'quiet / ' END, channel), cat, pri
UNION ALL
SELECT toNullable(toString('loudReason')) AS `dimension`, toNullable(toString(concat('public / ', channel))) AS `group`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString('tickets')) AS `metric`, toNullable(toInt64(0)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(count())))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT cust, channel, cat, pri, fr_kind, pub, shout, esc, contacts,
    toNullable(toInt64(floor(CASE WHEN fr_kind = 'e' THEN fr_s ELSE greatest(0, 1793491200 - created_s) END + 0.5))) AS fr_sec, CASE WHEN pub = 1 OR shout = 1 OR esc = 1 OR contacts >= 3 THEN 1 ELSE 0 END AS loud,
    CASE WHEN channel = 'social' THEN (CASE WHEN is_jump = 1 THEN 'jump' ELSE 'other' END) END AS jump_group,
    is_jump, origin, created_s
  FROM (
  SELECT the_cust AS cust, tupleElement(me, 1) AS created_s, tupleElement(me, 2) AS channel, tupleElement(me, 3) AS cat, tupleElement(me, 4) AS pri, tupleElement(me, 5) AS fr_kind, tupleElement(me, 6) AS fr_s, tupleElement(me, 7) AS res_kind, tupleElement(me, 8) AS res_s, tupleElement(me, 9) AS pub, tupleElement(me, 10) AS shout, tupleElement(me, 11) AS esc, tupleElement(me, 12) AS ch_order, tupleElement(me, 13) AS answered_at, tupleElement(me, 14) AS resolved_at, tupleElement(me, 15) AS settled_at,
    CASE WHEN cust IS NULL THEN 0 ELSE arrayCount(o -> tupleElement(o, 1) >= tupleElement(me, 1) - 604800 AND tupleElement(o, 1) <= tupleElement(me, 1), arr) END AS contacts,
    arrayFilter(o -> tupleElement(o, 12) IN (0, 1, 2) AND tupleElement(o, 1) < tupleElement(me, 1) AND tupleElement(o, 1) >= tupleElement(me, 1) - 1209600 AND tupleElement(o, 15) > tupleElement(me, 1), arr) AS cand,
    CASE WHEN channel = 'social' AND cust IS NOT NULL AND length(cand) > 0 THEN 1 ELSE 0 END AS is_jump,
    arrayFilter(o4 -> tupleElement(o4, 14) = arrayReduce('min', arrayMap(p4 -> tupleElement(p4, 14), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))[1] AS origin
  FROM (
  SELECT ifNull(cust, concat('\0', toString(rowNumberInAllBlocks()))) AS ckey, any(cust) AS the_cust, groupArray(tuple(toFloat64(assumeNotNull(created_s)), channel, cat, pri, CAST(fr_kind AS Nullable(String)), CAST(fr_s AS Nullable(Float64)), CAST(res_kind AS Nullable(String)), CAST(res_s AS Nullable(Float64)), toUInt8(pub), toUInt8(shout), toUInt8(esc), toUInt8(assumeNotNull(CASE WHEN channel = 'phone' THEN 0 WHEN channel = 'email' THEN 1 WHEN channel = 'web' THEN 2 WHEN channel = 'social' THEN 3 WHEN channel = 'chat' THEN 4 WHEN channel = 'other' THEN 5 ELSE 6 END)), toFloat64(assumeNotNull(ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s WHEN res_kind IS NULL THEN ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300) END, 1e300))))) AS arr
  FROM (
    SELECT
      created_s, raw_ch, channel, cat, pri, fr_s, res_s,
      COALESCE(byv, '(no group)') AS byv,
      CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
      concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
      CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
      CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
      CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
      id_txt, cust, pub, shout, cap_untested, esc
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
        cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
      FROM (
        SELECT
          nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
          toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
          nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
          LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
          (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
          (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
          nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
          nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
          nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
          toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
          nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
          nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
          nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
          CAST(NULL AS Nullable(String)) AS txt,
          nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
        FROM `zendesk`.`tickets`
      )
    )
    WHERE reason IS NULL
  )
  GROUP BY ckey
  )
  ARRAY JOIN arr AS me
  )
)
WHERE pub = 1
GROUP BY channel
UNION ALL
SELECT toNullable(toString('loudReason')) AS `dimension`, toNullable(toString(concat('repeatContact / ', channel))) AS `group`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString('tickets')) AS `metric`, toNullable(toInt64(0)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(count())))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT cust, channel, cat, pri, fr_kind, pub, shout, esc, contacts,
    toNullable(toInt64(floor(CASE WHEN fr_kind = 'e' THEN fr_s ELSE greatest(0, 1793491200 - created_s) END + 0.5))) AS fr_sec, CASE WHEN pub = 1 OR shout = 1 OR esc = 1 OR contacts >= 3 THEN 1 ELSE 0 END AS loud,
    CASE WHEN channel = 'social' THEN (CASE WHEN is_jump = 1 THEN 'jump' ELSE 'other' END) END AS jump_group,
    is_jump, origin, created_s
  FROM (
  SELECT the_cust AS cust, tupleElement(me, 1) AS created_s, tupleElement(me, 2) AS channel, tupleElement(me, 3) AS cat, tupleElement(me, 4) AS pri, tupleElement(me, 5) AS fr_kind, tupleElement(me, 6) AS fr_s, tupleElement(me, 7) AS res_kind, tupleElement(me, 8) AS res_s, tupleElement(me, 9) AS pub, tupleElement(me, 10) AS shout, tupleElement(me, 11) AS esc, tupleElement(me, 12) AS ch_order, tupleElement(me, 13) AS answered_at, tupleElement(me, 14) AS resolved_at, tupleElement(me, 15) AS settled_at,
    CASE WHEN cust IS NULL THEN 0 ELSE arrayCount(o -> tupleElement(o, 1) >= tupleElement(me, 1) - 604800 AND tupleElement(o, 1) <= tupleElement(me, 1), arr) END AS contacts,
    arrayFilter(o -> tupleElement(o, 12) IN (0, 1, 2) AND tupleElement(o, 1) < tupleElement(me, 1) AND tupleElement(o, 1) >= tupleElement(me, 1) - 1209600 AND tupleElement(o, 15) > tupleElement(me, 1), arr) AS cand,
    CASE WHEN channel = 'social' AND cust IS NOT NULL AND length(cand) > 0 THEN 1 ELSE 0 END AS is_jump,
    arrayFilter(o4 -> tupleElement(o4, 14) = arrayReduce('min', arrayMap(p4 -> tupleElement(p4, 14), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))[1] AS origin
  FROM (
  SELECT ifNull(cust, concat('\0', toString(rowNumberInAllBlocks()))) AS ckey, any(cust) AS the_cust, groupArray(tuple(toFloat64(assumeNotNull(created_s)), channel, cat, pri, CAST(fr_kind AS Nullable(String)), CAST(fr_s AS Nullable(Float64)), CAST(res_kind AS Nullable(String)), CAST(res_s AS Nullable(Float64)), toUInt8(pub), toUInt8(shout), toUInt8(esc), toUInt8(assumeNotNull(CASE WHEN channel = 'phone' THEN 0 WHEN channel = 'email' THEN 1 WHEN channel = 'web' THEN 2 WHEN channel = 'social' THEN 3 WHEN channel = 'chat' THEN 4 WHEN channel = 'other' THEN 5 ELSE 6 END)), toFloat64(assumeNotNull(ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s WHEN res_kind IS NULL THEN ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300) END, 1e300))))) AS arr
  FROM (
    SELECT
      created_s, raw_ch, channel, cat, pri, fr_s, res_s,
      COALESCE(byv, '(no group)') AS byv,
      CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
      concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
      CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
      CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
      CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
      id_txt, cust, pub, shout, cap_untested, esc
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
        cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
      FROM (
        SELECT
          nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
          toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
          nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
          LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
          (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
          (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
          nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
          nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
          nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
          toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
          nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
          nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
          nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
          CAST(NULL AS Nullable(String)) AS txt,
          nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
        FROM `zendesk`.`tickets`
      )
    )
    WHERE reason IS NULL
  )
  GROUP BY ckey
  )
  ARRAY JOIN arr AS me
  )
)
WHERE contacts >= 3
GROUP BY channel
UNION ALL
SELECT toNullable(toString('loudReason')) AS `dimension`, toNullable(toString(concat('shouting / ', channel))) AS `group`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString('tickets')) AS `metric`, toNullable(toInt64(0)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(count())))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT cust, channel, cat, pri, fr_kind, pub, shout, esc, contacts,
    toNullable(toInt64(floor(CASE WHEN fr_kind = 'e' THEN fr_s ELSE greatest(0, 1793491200 - created_s) END + 0.5))) AS fr_sec, CASE WHEN pub = 1 OR shout = 1 OR esc = 1 OR contacts >= 3 THEN 1 ELSE 0 END AS loud,
    CASE WHEN channel = 'social' THEN (CASE WHEN is_jump = 1 THEN 'jump' ELSE 'other' END) END AS jump_group,
    is_jump, origin, created_s
  FROM (
  SELECT the_cust AS cust, tupleElement(me, 1) AS created_s, tupleElement(me, 2) AS channel, tupleElement(me, 3) AS cat, tupleElement(me, 4) AS pri, tupleElement(me, 5) AS fr_kind, tupleElement(me, 6) AS fr_s, tupleElement(me, 7) AS res_kind, tupleElement(me, 8) AS res_s, tupleElement(me, 9) AS pub, tupleElement(me, 10) AS shout, tupleElement(me, 11) AS esc, tupleElement(me, 12) AS ch_order, tupleElement(me, 13) AS answered_at, tupleElement(me, 14) AS resolved_at, tupleElement(me, 15) AS settled_at,
    CASE WHEN cust IS NULL THEN 0 ELSE arrayCount(o -> tupleElement(o, 1) >= tupleElement(me, 1) - 604800 AND tupleElement(o, 1) <= tupleElement(me, 1), arr) END AS contacts,
    arrayFilter(o -> tupleElement(o, 12) IN (0, 1, 2) AND tupleElement(o, 1) < tupleElement(me, 1) AND tupleElement(o, 1) >= tupleElement(me, 1) - 1209600 AND tupleElement(o, 15) > tupleElement(me, 1), arr) AS cand,
    CASE WHEN channel = 'social' AND cust IS NOT NULL AND length(cand) > 0 THEN 1 ELSE 0 END AS is_jump,
    arrayFilter(o4 -> tupleElement(o4, 14) = arrayReduce('min', arrayMap(p4 -> tupleElement(p4, 14), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))[1] AS origin
  FROM (
  SELECT ifNull(cust, concat('\0', toString(rowNumberInAllBlocks()))) AS ckey, any(cust) AS the_cust, groupArray(tuple(toFloat64(assumeNotNull(created_s)), channel, cat, pri, CAST(fr_kind AS Nullable(String)), CAST(fr_s AS Nullable(Float64)), CAST(res_kind AS Nullable(String)), CAST(res_s AS Nullable(Float64)), toUInt8(pub), toUInt8(shout), toUInt8(esc), toUInt8(assumeNotNull(CASE WHEN channel = 'phone' THEN 0 WHEN channel = 'email' THEN 1 WHEN channel = 'web' THEN 2 WHEN channel = 'social' THEN 3 WHEN channel = 'chat' THEN 4 WHEN channel = 'other' THEN 5 ELSE 6 END)), toFloat64(assumeNotNull(ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s WHEN res_kind IS NULL THEN ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300) END, 1e300))))) AS arr
  FROM (
    SELECT
      created_s, raw_ch, channel, cat, pri, fr_s, res_s,
      COALESCE(byv, '(no group)') AS byv,
      CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
      concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
      CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
      CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
      CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
      id_txt, cust, pub, shout, cap_untested, esc
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
        cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
      FROM (
        SELECT
          nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
          toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
          nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
          LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
          (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
          (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
          nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
          nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
          nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
          toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
          nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
          nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
          nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
          CAST(NULL AS Nullable(String)) AS txt,
          nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
        FROM `zendesk`.`tickets`
      )
    )
    WHERE reason IS NULL
  )
  GROUP BY ckey
  )
  ARRAY JOIN arr AS me
  )
)
WHERE shout = 1
GROUP BY channel
UNION ALL
SELECT toNullable(toString('loudReason')) AS `dimension`, toNullable(toString(concat('escalated / ', channel))) AS `group`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString('tickets')) AS `metric`, toNullable(toInt64(0)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(count())))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT cust, channel, cat, pri, fr_kind, pub, shout, esc, contacts,
    toNullable(toInt64(floor(CASE WHEN fr_kind = 'e' THEN fr_s ELSE greatest(0, 1793491200 - created_s) END + 0.5))) AS fr_sec, CASE WHEN pub = 1 OR shout = 1 OR esc = 1 OR contacts >= 3 THEN 1 ELSE 0 END AS loud,
    CASE WHEN channel = 'social' THEN (CASE WHEN is_jump = 1 THEN 'jump' ELSE 'other' END) END AS jump_group,
    is_jump, origin, created_s
  FROM (
  SELECT the_cust AS cust, tupleElement(me, 1) AS created_s, tupleElement(me, 2) AS channel, tupleElement(me, 3) AS cat, tupleElement(me, 4) AS pri, tupleElement(me, 5) AS fr_kind, tupleElement(me, 6) AS fr_s, tupleElement(me, 7) AS res_kind, tupleElement(me, 8) AS res_s, tupleElement(me, 9) AS pub, tupleElement(me, 10) AS shout, tupleElement(me, 11) AS esc, tupleElement(me, 12) AS ch_order, tupleElement(me, 13) AS answered_at, tupleElement(me, 14) AS resolved_at, tupleElement(me, 15) AS settled_at,
    CASE WHEN cust IS NULL THEN 0 ELSE arrayCount(o -> tupleElement(o, 1) >= tupleElement(me, 1) - 604800 AND tupleElement(o, 1) <= tupleElement(me, 1), arr) END AS contacts,
    arrayFilter(o -> tupleElement(o, 12) IN (0, 1, 2) AND tupleElement(o, 1) < tupleElement(me, 1) AND tupleElement(o, 1) >= tupleElement(me, 1) - 1209600 AND tupleElement(o, 15) > tupleElement(me, 1), arr) AS cand,
    CASE WHEN channel = 'social' AND cust IS NOT NULL AND length(cand) > 0 THEN 1 ELSE 0 END AS is_jump,
    arrayFilter(o4 -> tupleElement(o4, 14) = arrayReduce('min', arrayMap(p4 -> tupleElement(p4, 14), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))[1] AS origin
  FROM (
  SELECT ifNull(cust, concat('\0', toString(rowNumberInAllBlocks()))) AS ckey, any(cust) AS the_cust, groupArray(tuple(toFloat64(assumeNotNull(created_s)), channel, cat, pri, CAST(fr_kind AS Nullable(String)), CAST(fr_s AS Nullable(Float64)), CAST(res_kind AS Nullable(String)), CAST(res_s AS Nullable(Float64)), toUInt8(pub), toUInt8(shout), toUInt8(esc), toUInt8(assumeNotNull(CASE WHEN channel = 'phone' THEN 0 WHEN channel = 'email' THEN 1 WHEN channel = 'web' THEN 2 WHEN channel = 'social' THEN 3 WHEN channel = 'chat' THEN 4 WHEN channel = 'other' THEN 5 ELSE 6 END)), toFloat64(assumeNotNull(ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s WHEN res_kind IS NULL THEN ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300) END, 1e300))))) AS arr
  FROM (
    SELECT
      created_s, raw_ch, channel, cat, pri, fr_s, res_s,
      COALESCE(byv, '(no group)') AS byv,
      CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
      concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
      CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
      CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
      CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
      id_txt, cust, pub, shout, cap_untested, esc
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
        cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
      FROM (
        SELECT
          nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
          toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
          nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
          LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
          (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
          (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
          nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
          nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
          nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
          toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
          nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
          nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
          nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
          CAST(NULL AS Nullable(String)) AS txt,
          nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
        FROM `zendesk`.`tickets`
      )
    )
    WHERE reason IS NULL
  )
  GROUP BY ckey
  )
  ARRAY JOIN arr AS me
  )
)
WHERE esc = 1
GROUP BY channel
UNION ALL
SELECT toNullable(toString('jump')) AS `dimension`, toNullable(toString(jump_group)) AS `group`, toNullable(toString(cat)) AS `category`, toNullable(toString(pri)) AS `priority`, toNullable(toString('firstResponse')) AS `metric`, toNullable(toInt64(fr_sec)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(sum(CASE WHEN fr_kind = 'e' THEN 1 ELSE 0 END))))) AS `ended`, toNullable(toInt64(toNullable(toInt64(sum(CASE WHEN fr_kind = 'w' THEN 1 ELSE 0 END))))) AS `waiting`
FROM (
  SELECT cust, channel, cat, pri, fr_kind, pub, shout, esc, contacts,
    toNullable(toInt64(floor(CASE WHEN fr_kind = 'e' THEN fr_s ELSE greatest(0, 1793491200 - created_s) END + 0.5))) AS fr_sec, CASE WHEN pub = 1 OR shout = 1 OR esc = 1 OR contacts >= 3 THEN 1 ELSE 0 END AS loud,
    CASE WHEN channel = 'social' THEN (CASE WHEN is_jump = 1 THEN 'jump' ELSE 'other' END) END AS jump_group,
    is_jump, origin, created_s
  FROM (
  SELECT the_cust AS cust, tupleElement(me, 1) AS created_s, tupleElement(me, 2) AS channel, tupleElement(me, 3) AS cat, tupleElement(me, 4) AS pri, tupleElement(me, 5) AS fr_kind, tupleElement(me, 6) AS fr_s, tupleElement(me, 7) AS res_kind, tupleElement(me, 8) AS res_s, tupleElement(me, 9) AS pub, tupleElement(me, 10) AS shout, tupleElement(me, 11) AS esc, tupleElement(me, 12) AS ch_order, tupleElement(me, 13) AS answered_at, tupleElement(me, 14) AS resolved_at, tupleElement(me, 15) AS settled_at,
    CASE WHEN cust IS NULL THEN 0 ELSE arrayCount(o -> tupleElement(o, 1) >= tupleElement(me, 1) - 604800 AND tupleElement(o, 1) <= tupleElement(me, 1), arr) END AS contacts,
    arrayFilter(o -> tupleElement(o, 12) IN (0, 1, 2) AND tupleElement(o, 1) < tupleElement(me, 1) AND tupleElement(o, 1) >= tupleElement(me, 1) - 1209600 AND tupleElement(o, 15) > tupleElement(me, 1), arr) AS cand,
    CASE WHEN channel = 'social' AND cust IS NOT NULL AND length(cand) > 0 THEN 1 ELSE 0 END AS is_jump,
    arrayFilter(o4 -> tupleElement(o4, 14) = arrayReduce('min', arrayMap(p4 -> tupleElement(p4, 14), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))[1] AS origin
  FROM (
  SELECT ifNull(cust, concat('\0', toString(rowNumberInAllBlocks()))) AS ckey, any(cust) AS the_cust, groupArray(tuple(toFloat64(assumeNotNull(created_s)), channel, cat, pri, CAST(fr_kind AS Nullable(String)), CAST(fr_s AS Nullable(Float64)), CAST(res_kind AS Nullable(String)), CAST(res_s AS Nullable(Float64)), toUInt8(pub), toUInt8(shout), toUInt8(esc), toUInt8(assumeNotNull(CASE WHEN channel = 'phone' THEN 0 WHEN channel = 'email' THEN 1 WHEN channel = 'web' THEN 2 WHEN channel = 'social' THEN 3 WHEN channel = 'chat' THEN 4 WHEN channel = 'other' THEN 5 ELSE 6 END)), toFloat64(assumeNotNull(ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s WHEN res_kind IS NULL THEN ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300) END, 1e300))))) AS arr
  FROM (
    SELECT
      created_s, raw_ch, channel, cat, pri, fr_s, res_s,
      COALESCE(byv, '(no group)') AS byv,
      CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
      concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
      CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
      CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
      CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
      id_txt, cust, pub, shout, cap_untested, esc
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
        cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
      FROM (
        SELECT
          nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
          toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
          nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
          LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
          (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
          (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
          nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
          nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
          nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
          toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
          nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
          nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
          nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
          CAST(NULL AS Nullable(String)) AS txt,
          nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
        FROM `zendesk`.`tickets`
      )
    )
    WHERE reason IS NULL
  )
  GROUP BY ckey
  )
  ARRAY JOIN arr AS me
  )
)
WHERE fr_kind IS NOT NULL AND jump_group IS NOT NULL
GROUP BY jump_group, cat, pri, fr_sec
UNION ALL
SELECT toNullable(toString('jump')) AS `dimension`, toNullable(toString(jump_group)) AS `group`, toNullable(toString(cat)) AS `category`, toNullable(toString(pri)) AS `priority`, toNullable(toString('tickets')) AS `metric`, toNullable(toInt64(0)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(count())))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT cust, channel, cat, pri, fr_kind, pub, shout, esc, contacts,
    toNullable(toInt64(floor(CASE WHEN fr_kind = 'e' THEN fr_s ELSE greatest(0, 1793491200 - created_s) END + 0.5))) AS fr_sec, CASE WHEN pub = 1 OR shout = 1 OR esc = 1 OR contacts >= 3 THEN 1 ELSE 0 END AS loud,
    CASE WHEN channel = 'social' THEN (CASE WHEN is_jump = 1 THEN 'jump' ELSE 'other' END) END AS jump_group,
    is_jump, origin, created_s
  FROM (
  SELECT the_cust AS cust, tupleElement(me, 1) AS created_s, tupleElement(me, 2) AS channel, tupleElement(me, 3) AS cat, tupleElement(me, 4) AS pri, tupleElement(me, 5) AS fr_kind, tupleElement(me, 6) AS fr_s, tupleElement(me, 7) AS res_kind, tupleElement(me, 8) AS res_s, tupleElement(me, 9) AS pub, tupleElement(me, 10) AS shout, tupleElement(me, 11) AS esc, tupleElement(me, 12) AS ch_order, tupleElement(me, 13) AS answered_at, tupleElement(me, 14) AS resolved_at, tupleElement(me, 15) AS settled_at,
    CASE WHEN cust IS NULL THEN 0 ELSE arrayCount(o -> tupleElement(o, 1) >= tupleElement(me, 1) - 604800 AND tupleElement(o, 1) <= tupleElement(me, 1), arr) END AS contacts,
    arrayFilter(o -> tupleElement(o, 12) IN (0, 1, 2) AND tupleElement(o, 1) < tupleElement(me, 1) AND tupleElement(o, 1) >= tupleElement(me, 1) - 1209600 AND tupleElement(o, 15) > tupleElement(me, 1), arr) AS cand,
    CASE WHEN channel = 'social' AND cust IS NOT NULL AND length(cand) > 0 THEN 1 ELSE 0 END AS is_jump,
    arrayFilter(o4 -> tupleElement(o4, 14) = arrayReduce('min', arrayMap(p4 -> tupleElement(p4, 14), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))[1] AS origin
  FROM (
  SELECT ifNull(cust, concat('\0', toString(rowNumberInAllBlocks()))) AS ckey, any(cust) AS the_cust, groupArray(tuple(toFloat64(assumeNotNull(created_s)), channel, cat, pri, CAST(fr_kind AS Nullable(String)), CAST(fr_s AS Nullable(Float64)), CAST(res_kind AS Nullable(String)), CAST(res_s AS Nullable(Float64)), toUInt8(pub), toUInt8(shout), toUInt8(esc), toUInt8(assumeNotNull(CASE WHEN channel = 'phone' THEN 0 WHEN channel = 'email' THEN 1 WHEN channel = 'web' THEN 2 WHEN channel = 'social' THEN 3 WHEN channel = 'chat' THEN 4 WHEN channel = 'other' THEN 5 ELSE 6 END)), toFloat64(assumeNotNull(ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s WHEN res_kind IS NULL THEN ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300) END, 1e300))))) AS arr
  FROM (
    SELECT
      created_s, raw_ch, channel, cat, pri, fr_s, res_s,
      COALESCE(byv, '(no group)') AS byv,
      CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
      concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
      CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
      CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
      CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
      id_txt, cust, pub, shout, cap_untested, esc
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
        cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
      FROM (
        SELECT
          nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
          toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
          nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
          LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
          (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
          (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
          nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
          nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
          nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
          toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
          nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
          nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
          nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
          CAST(NULL AS Nullable(String)) AS txt,
          nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
        FROM `zendesk`.`tickets`
      )
    )
    WHERE reason IS NULL
  )
  GROUP BY ckey
  )
  ARRAY JOIN arr AS me
  )
)
WHERE jump_group IS NOT NULL
GROUP BY jump_group, cat, pri
UNION ALL
SELECT toNullable(toString('jumpOrigin')) AS `dimension`, toNullable(toString(o_channel)) AS `group`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString('waited')) AS `metric`, toNullable(toInt64(waited_sec)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(sum(1 - unanswered))))) AS `ended`, toNullable(toInt64(toNullable(toInt64(sum(unanswered))))) AS `waiting`
FROM (
  SELECT cust, CASE WHEN tupleElement(origin, 12) = 0 THEN 'phone' WHEN tupleElement(origin, 12) = 1 THEN 'email' WHEN tupleElement(origin, 12) = 2 THEN 'web' WHEN tupleElement(origin, 12) = 3 THEN 'social' WHEN tupleElement(origin, 12) = 4 THEN 'chat' WHEN tupleElement(origin, 12) = 5 THEN 'other' END AS o_channel,
    CASE WHEN tupleElement(origin, 13) <= created_s THEN 0 ELSE 1 END AS unanswered,
    tupleElement(origin, 5) AS fr_kind, tupleElement(origin, 7) AS res_kind,
    toNullable(toInt64(floor(created_s - tupleElement(origin, 1) + 0.5))) AS waited_sec,
    toNullable(toInt64(floor(CASE WHEN tupleElement(origin, 5) = 'e' THEN tupleElement(origin, 6) ELSE greatest(0, 1793491200 - tupleElement(origin, 1)) END + 0.5))) AS fr_sec,
    toNullable(toInt64(floor(CASE WHEN tupleElement(origin, 7) = 'e' THEN tupleElement(origin, 8) ELSE greatest(0, 1793491200 - tupleElement(origin, 1)) END + 0.5))) AS res_sec
  FROM (
  SELECT cust, channel, cat, pri, fr_kind, pub, shout, esc, contacts,
    toNullable(toInt64(floor(CASE WHEN fr_kind = 'e' THEN fr_s ELSE greatest(0, 1793491200 - created_s) END + 0.5))) AS fr_sec, CASE WHEN pub = 1 OR shout = 1 OR esc = 1 OR contacts >= 3 THEN 1 ELSE 0 END AS loud,
    CASE WHEN channel = 'social' THEN (CASE WHEN is_jump = 1 THEN 'jump' ELSE 'other' END) END AS jump_group,
    is_jump, origin, created_s
  FROM (
  SELECT the_cust AS cust, tupleElement(me, 1) AS created_s, tupleElement(me, 2) AS channel, tupleElement(me, 3) AS cat, tupleElement(me, 4) AS pri, tupleElement(me, 5) AS fr_kind, tupleElement(me, 6) AS fr_s, tupleElement(me, 7) AS res_kind, tupleElement(me, 8) AS res_s, tupleElement(me, 9) AS pub, tupleElement(me, 10) AS shout, tupleElement(me, 11) AS esc, tupleElement(me, 12) AS ch_order, tupleElement(me, 13) AS answered_at, tupleElement(me, 14) AS resolved_at, tupleElement(me, 15) AS settled_at,
    CASE WHEN cust IS NULL THEN 0 ELSE arrayCount(o -> tupleElement(o, 1) >= tupleElement(me, 1) - 604800 AND tupleElement(o, 1) <= tupleElement(me, 1), arr) END AS contacts,
    arrayFilter(o -> tupleElement(o, 12) IN (0, 1, 2) AND tupleElement(o, 1) < tupleElement(me, 1) AND tupleElement(o, 1) >= tupleElement(me, 1) - 1209600 AND tupleElement(o, 15) > tupleElement(me, 1), arr) AS cand,
    CASE WHEN channel = 'social' AND cust IS NOT NULL AND length(cand) > 0 THEN 1 ELSE 0 END AS is_jump,
    arrayFilter(o4 -> tupleElement(o4, 14) = arrayReduce('min', arrayMap(p4 -> tupleElement(p4, 14), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))[1] AS origin
  FROM (
  SELECT ifNull(cust, concat('\0', toString(rowNumberInAllBlocks()))) AS ckey, any(cust) AS the_cust, groupArray(tuple(toFloat64(assumeNotNull(created_s)), channel, cat, pri, CAST(fr_kind AS Nullable(String)), CAST(fr_s AS Nullable(Float64)), CAST(res_kind AS Nullable(String)), CAST(res_s AS Nullable(Float64)), toUInt8(pub), toUInt8(shout), toUInt8(esc), toUInt8(assumeNotNull(CASE WHEN channel = 'phone' THEN 0 WHEN channel = 'email' THEN 1 WHEN channel = 'web' THEN 2 WHEN channel = 'social' THEN 3 WHEN channel = 'chat' THEN 4 WHEN channel = 'other' THEN 5 ELSE 6 END)), toFloat64(assumeNotNull(ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s WHEN res_kind IS NULL THEN ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300) END, 1e300))))) AS arr
  FROM (
    SELECT
      created_s, raw_ch, channel, cat, pri, fr_s, res_s,
      COALESCE(byv, '(no group)') AS byv,
      CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
      concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
      CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
      CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
      CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
      id_txt, cust, pub, shout, cap_untested, esc
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
        cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
      FROM (
        SELECT
          nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
          toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
          nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
          LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
          (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
          (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
          nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
          nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
          nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
          toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
          nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
          nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
          nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
          CAST(NULL AS Nullable(String)) AS txt,
          nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
        FROM `zendesk`.`tickets`
      )
    )
    WHERE reason IS NULL
  )
  GROUP BY ckey
  )
  ARRAY JOIN arr AS me
  )
  )
  WHERE is_jump = 1
)
GROUP BY o_channel, waited_sec
UNION ALL
SELECT toNullable(toString('jumpOrigin')) AS `dimension`, toNullable(toString(o_channel)) AS `group`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString('firstResponse')) AS `metric`, toNullable(toInt64(fr_sec)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(sum(CASE WHEN fr_kind = 'e' THEN 1 ELSE 0 END))))) AS `ended`, toNullable(toInt64(toNullable(toInt64(sum(CASE WHEN fr_kind = 'w' THEN 1 ELSE 0 END))))) AS `waiting`
FROM (
  SELECT cust, CASE WHEN tupleElement(origin, 12) = 0 THEN 'phone' WHEN tupleElement(origin, 12) = 1 THEN 'email' WHEN tupleElement(origin, 12) = 2 THEN 'web' WHEN tupleElement(origin, 12) = 3 THEN 'social' WHEN tupleElement(origin, 12) = 4 THEN 'chat' WHEN tupleElement(origin, 12) = 5 THEN 'other' END AS o_channel,
    CASE WHEN tupleElement(origin, 13) <= created_s THEN 0 ELSE 1 END AS unanswered,
    tupleElement(origin, 5) AS fr_kind, tupleElement(origin, 7) AS res_kind,
    toNullable(toInt64(floor(created_s - tupleElement(origin, 1) + 0.5))) AS waited_sec,
    toNullable(toInt64(floor(CASE WHEN tupleElement(origin, 5) = 'e' THEN tupleElement(origin, 6) ELSE greatest(0, 1793491200 - tupleElement(origin, 1)) END + 0.5))) AS fr_sec,
    toNullable(toInt64(floor(CASE WHEN tupleElement(origin, 7) = 'e' THEN tupleElement(origin, 8) ELSE greatest(0, 1793491200 - tupleElement(origin, 1)) END + 0.5))) AS res_sec
  FROM (
  SELECT cust, channel, cat, pri, fr_kind, pub, shout, esc, contacts,
    toNullable(toInt64(floor(CASE WHEN fr_kind = 'e' THEN fr_s ELSE greatest(0, 1793491200 - created_s) END + 0.5))) AS fr_sec, CASE WHEN pub = 1 OR shout = 1 OR esc = 1 OR contacts >= 3 THEN 1 ELSE 0 END AS loud,
    CASE WHEN channel = 'social' THEN (CASE WHEN is_jump = 1 THEN 'jump' ELSE 'other' END) END AS jump_group,
    is_jump, origin, created_s
  FROM (
  SELECT the_cust AS cust, tupleElement(me, 1) AS created_s, tupleElement(me, 2) AS channel, tupleElement(me, 3) AS cat, tupleElement(me, 4) AS pri, tupleElement(me, 5) AS fr_kind, tupleElement(me, 6) AS fr_s, tupleElement(me, 7) AS res_kind, tupleElement(me, 8) AS res_s, tupleElement(me, 9) AS pub, tupleElement(me, 10) AS shout, tupleElement(me, 11) AS esc, tupleElement(me, 12) AS ch_order, tupleElement(me, 13) AS answered_at, tupleElement(me, 14) AS resolved_at, tupleElement(me, 15) AS settled_at,
    CASE WHEN cust IS NULL THEN 0 ELSE arrayCount(o -> tupleElement(o, 1) >= tupleElement(me, 1) - 604800 AND tupleElement(o, 1) <= tupleElement(me, 1), arr) END AS contacts,
    arrayFilter(o -> tupleElement(o, 12) IN (0, 1, 2) AND tupleElement(o, 1) < tupleElement(me, 1) AND tupleElement(o, 1) >= tupleElement(me, 1) - 1209600 AND tupleElement(o, 15) > tupleElement(me, 1), arr) AS cand,
    CASE WHEN channel = 'social' AND cust IS NOT NULL AND length(cand) > 0 THEN 1 ELSE 0 END AS is_jump,
    arrayFilter(o4 -> tupleElement(o4, 14) = arrayReduce('min', arrayMap(p4 -> tupleElement(p4, 14), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))[1] AS origin
  FROM (
  SELECT ifNull(cust, concat('\0', toString(rowNumberInAllBlocks()))) AS ckey, any(cust) AS the_cust, groupArray(tuple(toFloat64(assumeNotNull(created_s)), channel, cat, pri, CAST(fr_kind AS Nullable(String)), CAST(fr_s AS Nullable(Float64)), CAST(res_kind AS Nullable(String)), CAST(res_s AS Nullable(Float64)), toUInt8(pub), toUInt8(shout), toUInt8(esc), toUInt8(assumeNotNull(CASE WHEN channel = 'phone' THEN 0 WHEN channel = 'email' THEN 1 WHEN channel = 'web' THEN 2 WHEN channel = 'social' THEN 3 WHEN channel = 'chat' THEN 4 WHEN channel = 'other' THEN 5 ELSE 6 END)), toFloat64(assumeNotNull(ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s WHEN res_kind IS NULL THEN ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300) END, 1e300))))) AS arr
  FROM (
    SELECT
      created_s, raw_ch, channel, cat, pri, fr_s, res_s,
      COALESCE(byv, '(no group)') AS byv,
      CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
      concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
      CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
      CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
      CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
      id_txt, cust, pub, shout, cap_untested, esc
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
        cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
      FROM (
        SELECT
          nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
          toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
          nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
          LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
          (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
          (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
          nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
          nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
          nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
          toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
          nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
          nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
          nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
          CAST(NULL AS Nullable(String)) AS txt,
          nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
        FROM `zendesk`.`tickets`
      )
    )
    WHERE reason IS NULL
  )
  GROUP BY ckey
  )
  ARRAY JOIN arr AS me
  )
  )
  WHERE is_jump = 1
)
WHERE fr_kind IS NOT NULL
GROUP BY o_channel, fr_sec
UNION ALL
SELECT toNullable(toString('jumpOrigin')) AS `dimension`, toNullable(toString(o_channel)) AS `group`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString('resolution')) AS `metric`, toNullable(toInt64(res_sec)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(sum(CASE WHEN res_kind = 'e' THEN 1 ELSE 0 END))))) AS `ended`, toNullable(toInt64(toNullable(toInt64(sum(CASE WHEN res_kind = 'w' THEN 1 ELSE 0 END))))) AS `waiting`
FROM (
  SELECT cust, CASE WHEN tupleElement(origin, 12) = 0 THEN 'phone' WHEN tupleElement(origin, 12) = 1 THEN 'email' WHEN tupleElement(origin, 12) = 2 THEN 'web' WHEN tupleElement(origin, 12) = 3 THEN 'social' WHEN tupleElement(origin, 12) = 4 THEN 'chat' WHEN tupleElement(origin, 12) = 5 THEN 'other' END AS o_channel,
    CASE WHEN tupleElement(origin, 13) <= created_s THEN 0 ELSE 1 END AS unanswered,
    tupleElement(origin, 5) AS fr_kind, tupleElement(origin, 7) AS res_kind,
    toNullable(toInt64(floor(created_s - tupleElement(origin, 1) + 0.5))) AS waited_sec,
    toNullable(toInt64(floor(CASE WHEN tupleElement(origin, 5) = 'e' THEN tupleElement(origin, 6) ELSE greatest(0, 1793491200 - tupleElement(origin, 1)) END + 0.5))) AS fr_sec,
    toNullable(toInt64(floor(CASE WHEN tupleElement(origin, 7) = 'e' THEN tupleElement(origin, 8) ELSE greatest(0, 1793491200 - tupleElement(origin, 1)) END + 0.5))) AS res_sec
  FROM (
  SELECT cust, channel, cat, pri, fr_kind, pub, shout, esc, contacts,
    toNullable(toInt64(floor(CASE WHEN fr_kind = 'e' THEN fr_s ELSE greatest(0, 1793491200 - created_s) END + 0.5))) AS fr_sec, CASE WHEN pub = 1 OR shout = 1 OR esc = 1 OR contacts >= 3 THEN 1 ELSE 0 END AS loud,
    CASE WHEN channel = 'social' THEN (CASE WHEN is_jump = 1 THEN 'jump' ELSE 'other' END) END AS jump_group,
    is_jump, origin, created_s
  FROM (
  SELECT the_cust AS cust, tupleElement(me, 1) AS created_s, tupleElement(me, 2) AS channel, tupleElement(me, 3) AS cat, tupleElement(me, 4) AS pri, tupleElement(me, 5) AS fr_kind, tupleElement(me, 6) AS fr_s, tupleElement(me, 7) AS res_kind, tupleElement(me, 8) AS res_s, tupleElement(me, 9) AS pub, tupleElement(me, 10) AS shout, tupleElement(me, 11) AS esc, tupleElement(me, 12) AS ch_order, tupleElement(me, 13) AS answered_at, tupleElement(me, 14) AS resolved_at, tupleElement(me, 15) AS settled_at,
    CASE WHEN cust IS NULL THEN 0 ELSE arrayCount(o -> tupleElement(o, 1) >= tupleElement(me, 1) - 604800 AND tupleElement(o, 1) <= tupleElement(me, 1), arr) END AS contacts,
    arrayFilter(o -> tupleElement(o, 12) IN (0, 1, 2) AND tupleElement(o, 1) < tupleElement(me, 1) AND tupleElement(o, 1) >= tupleElement(me, 1) - 1209600 AND tupleElement(o, 15) > tupleElement(me, 1), arr) AS cand,
    CASE WHEN channel = 'social' AND cust IS NOT NULL AND length(cand) > 0 THEN 1 ELSE 0 END AS is_jump,
    arrayFilter(o4 -> tupleElement(o4, 14) = arrayReduce('min', arrayMap(p4 -> tupleElement(p4, 14), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))[1] AS origin
  FROM (
  SELECT ifNull(cust, concat('\0', toString(rowNumberInAllBlocks()))) AS ckey, any(cust) AS the_cust, groupArray(tuple(toFloat64(assumeNotNull(created_s)), channel, cat, pri, CAST(fr_kind AS Nullable(String)), CAST(fr_s AS Nullable(Float64)), CAST(res_kind AS Nullable(String)), CAST(res_s AS Nullable(Float64)), toUInt8(pub), toUInt8(shout), toUInt8(esc), toUInt8(assumeNotNull(CASE WHEN channel = 'phone' THEN 0 WHEN channel = 'email' THEN 1 WHEN channel = 'web' THEN 2 WHEN channel = 'social' THEN 3 WHEN channel = 'chat' THEN 4 WHEN channel = 'other' THEN 5 ELSE 6 END)), toFloat64(assumeNotNull(ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s WHEN res_kind IS NULL THEN ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300) END, 1e300))))) AS arr
  FROM (
    SELECT
      created_s, raw_ch, channel, cat, pri, fr_s, res_s,
      COALESCE(byv, '(no group)') AS byv,
      CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
      concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
      CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
      CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
      CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
      id_txt, cust, pub, shout, cap_untested, esc
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
        cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
      FROM (
        SELECT
          nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
          toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
          nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
          LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
          (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
          (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
          nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
          nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
          nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
          toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
          nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
          nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
          nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
          CAST(NULL AS Nullable(String)) AS txt,
          nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
        FROM `zendesk`.`tickets`
      )
    )
    WHERE reason IS NULL
  )
  GROUP BY ckey
  )
  ARRAY JOIN arr AS me
  )
  )
  WHERE is_jump = 1
)
WHERE res_kind IS NOT NULL
GROUP BY o_channel, res_sec
UNION ALL
SELECT toNullable(toString('jumpOrigin')) AS `dimension`, toNullable(toString(o_channel)) AS `group`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString('tickets')) AS `metric`, toNullable(toInt64(0)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(count())))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT cust, CASE WHEN tupleElement(origin, 12) = 0 THEN 'phone' WHEN tupleElement(origin, 12) = 1 THEN 'email' WHEN tupleElement(origin, 12) = 2 THEN 'web' WHEN tupleElement(origin, 12) = 3 THEN 'social' WHEN tupleElement(origin, 12) = 4 THEN 'chat' WHEN tupleElement(origin, 12) = 5 THEN 'other' END AS o_channel,
    CASE WHEN tupleElement(origin, 13) <= created_s THEN 0 ELSE 1 END AS unanswered,
    tupleElement(origin, 5) AS fr_kind, tupleElement(origin, 7) AS res_kind,
    toNullable(toInt64(floor(created_s - tupleElement(origin, 1) + 0.5))) AS waited_sec,
    toNullable(toInt64(floor(CASE WHEN tupleElement(origin, 5) = 'e' THEN tupleElement(origin, 6) ELSE greatest(0, 1793491200 - tupleElement(origin, 1)) END + 0.5))) AS fr_sec,
    toNullable(toInt64(floor(CASE WHEN tupleElement(origin, 7) = 'e' THEN tupleElement(origin, 8) ELSE greatest(0, 1793491200 - tupleElement(origin, 1)) END + 0.5))) AS res_sec
  FROM (
  SELECT cust, channel, cat, pri, fr_kind, pub, shout, esc, contacts,
    toNullable(toInt64(floor(CASE WHEN fr_kind = 'e' THEN fr_s ELSE greatest(0, 1793491200 - created_s) END + 0.5))) AS fr_sec, CASE WHEN pub = 1 OR shout = 1 OR esc = 1 OR contacts >= 3 THEN 1 ELSE 0 END AS loud,
    CASE WHEN channel = 'social' THEN (CASE WHEN is_jump = 1 THEN 'jump' ELSE 'other' END) END AS jump_group,
    is_jump, origin, created_s
  FROM (
  SELECT the_cust AS cust, tupleElement(me, 1) AS created_s, tupleElement(me, 2) AS channel, tupleElement(me, 3) AS cat, tupleElement(me, 4) AS pri, tupleElement(me, 5) AS fr_kind, tupleElement(me, 6) AS fr_s, tupleElement(me, 7) AS res_kind, tupleElement(me, 8) AS res_s, tupleElement(me, 9) AS pub, tupleElement(me, 10) AS shout, tupleElement(me, 11) AS esc, tupleElement(me, 12) AS ch_order, tupleElement(me, 13) AS answered_at, tupleElement(me, 14) AS resolved_at, tupleElement(me, 15) AS settled_at,
    CASE WHEN cust IS NULL THEN 0 ELSE arrayCount(o -> tupleElement(o, 1) >= tupleElement(me, 1) - 604800 AND tupleElement(o, 1) <= tupleElement(me, 1), arr) END AS contacts,
    arrayFilter(o -> tupleElement(o, 12) IN (0, 1, 2) AND tupleElement(o, 1) < tupleElement(me, 1) AND tupleElement(o, 1) >= tupleElement(me, 1) - 1209600 AND tupleElement(o, 15) > tupleElement(me, 1), arr) AS cand,
    CASE WHEN channel = 'social' AND cust IS NOT NULL AND length(cand) > 0 THEN 1 ELSE 0 END AS is_jump,
    arrayFilter(o4 -> tupleElement(o4, 14) = arrayReduce('min', arrayMap(p4 -> tupleElement(p4, 14), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))[1] AS origin
  FROM (
  SELECT ifNull(cust, concat('\0', toString(rowNumberInAllBlocks()))) AS ckey, any(cust) AS the_cust, groupArray(tuple(toFloat64(assumeNotNull(created_s)), channel, cat, pri, CAST(fr_kind AS Nullable(String)), CAST(fr_s AS Nullable(Float64)), CAST(res_kind AS Nullable(String)), CAST(res_s AS Nullable(Float64)), toUInt8(pub), toUInt8(shout), toUInt8(esc), toUInt8(assumeNotNull(CASE WHEN channel = 'phone' THEN 0 WHEN channel = 'email' THEN 1 WHEN channel = 'web' THEN 2 WHEN channel = 'social' THEN 3 WHEN channel = 'chat' THEN 4 WHEN channel = 'other' THEN 5 ELSE 6 END)), toFloat64(assumeNotNull(ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s WHEN res_kind IS NULL THEN ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300) END, 1e300))))) AS arr
  FROM (
    SELECT
      created_s, raw_ch, channel, cat, pri, fr_s, res_s,
      COALESCE(byv, '(no group)') AS byv,
      CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
      concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
      CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
      CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
      CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
      id_txt, cust, pub, shout, cap_untested, esc
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
        cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
      FROM (
        SELECT
          nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
          toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
          nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
          LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
          (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
          (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
          nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
          nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
          nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
          toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
          nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
          nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
          nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
          CAST(NULL AS Nullable(String)) AS txt,
          nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
        FROM `zendesk`.`tickets`
      )
    )
    WHERE reason IS NULL
  )
  GROUP BY ckey
  )
  ARRAY JOIN arr AS me
  )
  )
  WHERE is_jump = 1
)
GROUP BY o_channel
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('journey')) AS `group`, toNullable(toString('repeatContacts')) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(NULL)) AS `seconds`, toNullable(toInt64(3)) AS `ended`, toNullable(toInt64(0)) AS `waiting`
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('journey')) AS `group`, toNullable(toString('repeatWindowSeconds')) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(604800)) AS `seconds`, toNullable(toInt64(0)) AS `ended`, toNullable(toInt64(0)) AS `waiting`
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('journey')) AS `group`, toNullable(toString('jumpWindowSeconds')) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(1209600)) AS `seconds`, toNullable(toInt64(0)) AS `ended`, toNullable(toInt64(0)) AS `waiting`
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('journey')) AS `group`, toNullable(toString('customers')) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(NULL)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(sum(CASE WHEN cust IS NOT NULL THEN 1 ELSE 0 END))))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT
    created_s, raw_ch, channel, cat, pri, fr_s, res_s,
    COALESCE(byv, '(no group)') AS byv,
    CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
    concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
    CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
    CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
    CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
    id_txt, cust, pub, shout, cap_untested, esc
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
      cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
    FROM (
      SELECT
        nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
        toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
        nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
        LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
        (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
        (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
        nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
        nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
        nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
        toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
        nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
        nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
        nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
        CAST(NULL AS Nullable(String)) AS txt,
        nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
      FROM `zendesk`.`tickets`
    )
  )
  WHERE reason IS NULL
)
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('journey')) AS `group`, toNullable(toString('jumpers')) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(NULL)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(COUNT(DISTINCT cust))))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT cust, CASE WHEN tupleElement(origin, 12) = 0 THEN 'phone' WHEN tupleElement(origin, 12) = 1 THEN 'email' WHEN tupleElement(origin, 12) = 2 THEN 'web' WHEN tupleElement(origin, 12) = 3 THEN 'social' WHEN tupleElement(origin, 12) = 4 THEN 'chat' WHEN tupleElement(origin, 12) = 5 THEN 'other' END AS o_channel,
    CASE WHEN tupleElement(origin, 13) <= created_s THEN 0 ELSE 1 END AS unanswered,
    tupleElement(origin, 5) AS fr_kind, tupleElement(origin, 7) AS res_kind,
    toNullable(toInt64(floor(created_s - tupleElement(origin, 1) + 0.5))) AS waited_sec,
    toNullable(toInt64(floor(CASE WHEN tupleElement(origin, 5) = 'e' THEN tupleElement(origin, 6) ELSE greatest(0, 1793491200 - tupleElement(origin, 1)) END + 0.5))) AS fr_sec,
    toNullable(toInt64(floor(CASE WHEN tupleElement(origin, 7) = 'e' THEN tupleElement(origin, 8) ELSE greatest(0, 1793491200 - tupleElement(origin, 1)) END + 0.5))) AS res_sec
  FROM (
  SELECT cust, channel, cat, pri, fr_kind, pub, shout, esc, contacts,
    toNullable(toInt64(floor(CASE WHEN fr_kind = 'e' THEN fr_s ELSE greatest(0, 1793491200 - created_s) END + 0.5))) AS fr_sec, CASE WHEN pub = 1 OR shout = 1 OR esc = 1 OR contacts >= 3 THEN 1 ELSE 0 END AS loud,
    CASE WHEN channel = 'social' THEN (CASE WHEN is_jump = 1 THEN 'jump' ELSE 'other' END) END AS jump_group,
    is_jump, origin, created_s
  FROM (
  SELECT the_cust AS cust, tupleElement(me, 1) AS created_s, tupleElement(me, 2) AS channel, tupleElement(me, 3) AS cat, tupleElement(me, 4) AS pri, tupleElement(me, 5) AS fr_kind, tupleElement(me, 6) AS fr_s, tupleElement(me, 7) AS res_kind, tupleElement(me, 8) AS res_s, tupleElement(me, 9) AS pub, tupleElement(me, 10) AS shout, tupleElement(me, 11) AS esc, tupleElement(me, 12) AS ch_order, tupleElement(me, 13) AS answered_at, tupleElement(me, 14) AS resolved_at, tupleElement(me, 15) AS settled_at,
    CASE WHEN cust IS NULL THEN 0 ELSE arrayCount(o -> tupleElement(o, 1) >= tupleElement(me, 1) - 604800 AND tupleElement(o, 1) <= tupleElement(me, 1), arr) END AS contacts,
    arrayFilter(o -> tupleElement(o, 12) IN (0, 1, 2) AND tupleElement(o, 1) < tupleElement(me, 1) AND tupleElement(o, 1) >= tupleElement(me, 1) - 1209600 AND tupleElement(o, 15) > tupleElement(me, 1), arr) AS cand,
    CASE WHEN channel = 'social' AND cust IS NOT NULL AND length(cand) > 0 THEN 1 ELSE 0 END AS is_jump,
    arrayFilter(o4 -> tupleElement(o4, 14) = arrayReduce('min', arrayMap(p4 -> tupleElement(p4, 14), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))), arrayFilter(o3 -> tupleElement(o3, 13) = arrayReduce('min', arrayMap(p3 -> tupleElement(p3, 13), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand)))), arrayFilter(o2 -> tupleElement(o2, 12) = arrayReduce('min', arrayMap(p2 -> tupleElement(p2, 12), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))), arrayFilter(o1 -> tupleElement(o1, 1) = arrayReduce('min', arrayMap(p1 -> tupleElement(p1, 1), cand)), cand))))[1] AS origin
  FROM (
  SELECT ifNull(cust, concat('\0', toString(rowNumberInAllBlocks()))) AS ckey, any(cust) AS the_cust, groupArray(tuple(toFloat64(assumeNotNull(created_s)), channel, cat, pri, CAST(fr_kind AS Nullable(String)), CAST(fr_s AS Nullable(Float64)), CAST(res_kind AS Nullable(String)), CAST(res_s AS Nullable(Float64)), toUInt8(pub), toUInt8(shout), toUInt8(esc), toUInt8(assumeNotNull(CASE WHEN channel = 'phone' THEN 0 WHEN channel = 'email' THEN 1 WHEN channel = 'web' THEN 2 WHEN channel = 'social' THEN 3 WHEN channel = 'chat' THEN 4 WHEN channel = 'other' THEN 5 ELSE 6 END)), toFloat64(assumeNotNull(ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s END, 1e300))), toFloat64(assumeNotNull(ifNull(CASE WHEN res_kind = 'e' THEN created_s + res_s WHEN res_kind IS NULL THEN ifNull(CASE WHEN fr_kind = 'e' THEN created_s + fr_s END, 1e300) END, 1e300))))) AS arr
  FROM (
    SELECT
      created_s, raw_ch, channel, cat, pri, fr_s, res_s,
      COALESCE(byv, '(no group)') AS byv,
      CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
      concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
      CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
      CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
      CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
      id_txt, cust, pub, shout, cap_untested, esc
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
        cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
      FROM (
        SELECT
          nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
          toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
          nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
          LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
          (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
          (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
          replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
          nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
          nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
          nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
          toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
          nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
          nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
          nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
          CAST(NULL AS Nullable(String)) AS txt,
          nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
        FROM `zendesk`.`tickets`
      )
    )
    WHERE reason IS NULL
  )
  GROUP BY ckey
  )
  ARRAY JOIN arr AS me
  )
  )
  WHERE is_jump = 1
)
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('journey')) AS `group`, toNullable(toString('capitalsUntested')) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(NULL)) AS `seconds`, toNullable(toInt64(toNullable(toInt64(sum(cap_untested))))) AS `ended`, toNullable(toInt64(0)) AS `waiting`
FROM (
  SELECT
    created_s, raw_ch, channel, cat, pri, fr_s, res_s,
    COALESCE(byv, '(no group)') AS byv,
    CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
    concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
    CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
    CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
    CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg,
    id_txt, cust, pub, shout, cap_untested, esc
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class,
      cust, CASE WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('true', 't', 'yes', 'y', '1', 'public') THEN 1 WHEN lower(replaceAll(pub_txt, 'K', 'k')) IN ('false', 'f', 'no', 'n', '0', 'private') THEN 0 ELSE CASE WHEN ch_key IN ('twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot') THEN 1 ELSE 0 END END AS pub, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0 OR (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) AND (lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))) >= 8 AND toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Z]', ''))))) / toNullable(toFloat64((lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) - lengthUTF8(replaceRegexpAll(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '[A-Za-z]', ''))))) >= 0.6)) THEN 1 ELSE 0 END AS shout, CASE WHEN (subj IS NOT NULL OR txt IS NOT NULL) AND NOT (position(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')), '!!!') > 0) AND NOT (length(concat(COALESCE(subj, ''), ' ', COALESCE(txt, ''))) = lengthUTF8(concat(COALESCE(subj, ''), ' ', COALESCE(txt, '')))) THEN 1 ELSE 0 END AS cap_untested, CASE WHEN position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' vip ') > 0 OR position(concat(' ', replaceRegexpAll(lower(replaceAll(COALESCE(tags_txt, ''), 'K', 'k')), '[\t\n\x0B\x0C\r    - \xE2\x80\xA8\xE2\x80\xA9  　\xEF\xBB\xBF,;|]+', ' '), ' '), ' escalated ') > 0 OR lower(replaceAll(pri, 'K', 'k')) IN ('vip', 'escalated') THEN 1 ELSE 0 END AS esc
    FROM (
      SELECT
        nullIf(replaceRegexpAll(toString(`ticket_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS id_txt,
        toFloat64(toUnixTimestamp(`created_at`)) AS created_s,
        nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS raw_ch,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`via_channel`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS ch_key,
        LOWER(nullIf(replaceRegexpAll(toString(`direction`), '^[[:space:]]+|[[:space:]]+$', ''), '')) AS dir_txt,
        (toNullable(toFloat64(`first_reply_time_business_minutes`)) * 60) AS fr_s,
        (toFloat64(toUnixTimestamp(`solved_at`)) - toFloat64(toUnixTimestamp(`created_at`))) AS res_s,
        replaceRegexpAll(lower(nullIf(replaceRegexpAll(toString(`status`), '^[[:space:]]+|[[:space:]]+$', ''), '')), '[^a-z0-9]', '') AS status_key,
        nullIf(replaceRegexpAll(toString(`ticket_type`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cat,
        nullIf(replaceRegexpAll(toString(`priority`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pri,
        nullIf(replaceRegexpAll(toString(`group_name`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS byv,
        toNullable(toFloat64(toNullable(toInt64(floor(toNullable(toFloat64(`follower_count`)) + 0.5))))) AS followers,
        nullIf(replaceRegexpAll(toString(`requester_id`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS cust,
        nullIf(replaceRegexpAll(toString(`is_public`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS pub_txt,
        nullIf(replaceRegexpAll(toString(`subject`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS subj,
        CAST(NULL AS Nullable(String)) AS txt,
        nullIf(replaceRegexpAll(toString(`tags`), '^[[:space:]]+|[[:space:]]+$', ''), '') AS tags_txt
      FROM `zendesk`.`tickets`
    )
  )
  WHERE reason IS NULL
)
