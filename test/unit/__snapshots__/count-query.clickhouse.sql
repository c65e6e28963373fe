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
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class
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
          toNullable(toFloat64(`follower_count`)) AS followers
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
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class
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
          toNullable(toFloat64(`follower_count`)) AS followers
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
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class
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
          toNullable(toFloat64(`follower_count`)) AS followers
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
      CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg
    FROM (
      SELECT
        id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
        CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
        CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
        CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class
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
          toNullable(toFloat64(`follower_count`)) AS followers
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
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class
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
        toNullable(toFloat64(`follower_count`)) AS followers
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
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class
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
        toNullable(toFloat64(`follower_count`)) AS followers
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
    CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class
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
      toNullable(toFloat64(`follower_count`)) AS followers
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
    CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class
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
      toNullable(toFloat64(`follower_count`)) AS followers
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
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class
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
        toNullable(toFloat64(`follower_count`)) AS followers
      FROM `zendesk`.`tickets`
    )
  )
  WHERE reason IS NULL
)
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
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class
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
        toNullable(toFloat64(`follower_count`)) AS followers
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
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class
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
        toNullable(toFloat64(`follower_count`)) AS followers
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
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class
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
        toNullable(toFloat64(`follower_count`)) AS followers
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
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class
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
        toNullable(toFloat64(`follower_count`)) AS followers
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
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class
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
        toNullable(toFloat64(`follower_count`)) AS followers
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
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class
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
        toNullable(toFloat64(`follower_count`)) AS followers
      FROM `zendesk`.`tickets`
    )
  )
  WHERE reason IS NULL
)
UNION ALL
SELECT toNullable(toString('meta')) AS `dimension`, toNullable(toString('by')) AS `group`, toNullable(toString('group')) AS `category`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `priority`, toNullable(toString(CAST(NULL AS Nullable(String)))) AS `metric`, toNullable(toInt64(NULL)) AS `seconds`, toNullable(toInt64(0)) AS `ended`, toNullable(toInt64(0)) AS `waiting`
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
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg
  FROM (
    SELECT
      id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
      CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
      CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS Nullable(String)) END AS reason,
      CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class
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
        toNullable(toFloat64(`follower_count`)) AS followers
      FROM `zendesk`.`tickets`
    )
  )
  WHERE reason IS NULL
)
GROUP BY raw_ch, channel
