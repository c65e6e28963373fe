-- parity count table (dimension, group, category, priority, metric, seconds, ended, waiting), bigquery dialect
WITH
r AS (
  SELECT
    NULLIF(TRIM(CAST(`ticket_id` AS STRING)), '') AS id_txt,
    (UNIX_MICROS(CAST(`created_at` AS TIMESTAMP)) / 1000000) AS created_s,
    NULLIF(TRIM(CAST(`via_channel` AS STRING)), '') AS raw_ch,
    REGEXP_REPLACE(LOWER(NULLIF(TRIM(CAST(`via_channel` AS STRING)), '')), '[^a-z0-9]', '') AS ch_key,
    LOWER(NULLIF(TRIM(CAST(`direction` AS STRING)), '')) AS dir_txt,
    (CAST(`first_reply_time_business_minutes` AS FLOAT64) * 60) AS fr_s,
    ((UNIX_MICROS(CAST(`solved_at` AS TIMESTAMP)) / 1000000) - (UNIX_MICROS(CAST(`created_at` AS TIMESTAMP)) / 1000000)) AS res_s,
    REGEXP_REPLACE(LOWER(NULLIF(TRIM(CAST(`status` AS STRING)), '')), '[^a-z0-9]', '') AS status_key,
    NULLIF(TRIM(CAST(`ticket_type` AS STRING)), '') AS cat,
    NULLIF(TRIM(CAST(`priority` AS STRING)), '') AS pri,
    NULLIF(TRIM(CAST(`group_name` AS STRING)), '') AS byv,
    CAST(`follower_count` AS FLOAT64) AS followers
  FROM `zendesk`.`tickets`
),
c AS (
  SELECT
    id_txt, created_s, raw_ch, fr_s, res_s, cat, pri, byv, followers,
    CASE WHEN ch_key IN ('letter', 'phone', 'phonecall', 'call', 'calls', 'telephone', 'tel', 'voice', 'voicemail', 'ivr', 'inboundcall', 'phonecallinbound', 'callcentre', 'callcenter', 'hotline', 'callback', 'sms', 'textmessage', 'phonecalloutbound', 'outboundcall', 'outboundphone') THEN 'phone' WHEN ch_key IN ('email', 'mail', 'inboundemail', 'emailinbound', 'letterbyemail', 'emails', 'outboundemail', 'emailoutbound') THEN 'email' WHEN ch_key IN ('web', 'webform', 'form', 'contactform', 'portal', 'supportportal', 'customerportal', 'website', 'online', 'selfservice', 'feedbackwidget', 'widget', 'helpcenter', 'webwidget', 'api', 'mobileapp', 'app', 'inapp', 'mobile', 'mobilesdk', 'forum', 'community') THEN 'web' WHEN ch_key IN ('igdm', 'social', 'socialmedia', 'socialnetwork', 'twitter', 'x', 'xtwitter', 'tweet', 'facebook', 'instagram', 'linkedin', 'tiktok', 'youtube', 'reddit', 'anychannelsocial', 'threads', 'mastodon', 'bluesky', 'twitterpublic', 'publictweet', 'twittermention', 'tweetmention', 'facebookpost', 'facebookcomment', 'facebookmention', 'facebookwall', 'instagramcomment', 'instagrammention', 'instagramadcomment', 'facebookreview', 'facebookrecommendations', 'review', 'appstorereview', 'trustpilot', 'twitterdm', 'twitterdirectmessage', 'twitterprivatemessage', 'xdm', 'facebookprivatemessage', 'facebookmessage', 'facebookmessenger', 'messenger', 'instagramdm', 'instagramdirectmessage') THEN 'social' WHEN ch_key IN ('chat', 'livechat', 'webchat', 'messaging', 'whatsapp', 'wechat', 'line', 'telegram', 'nativemessaging', 'conversation', 'bot') THEN 'chat' ELSE 'other' END AS channel,
    CASE WHEN id_txt IS NULL THEN 'missing-id' WHEN created_s IS NULL THEN 'missing-created' WHEN created_s < 1790812800 THEN 'outside-period' WHEN created_s > 1793491200 THEN 'after-as-of' WHEN CASE WHEN ch_key IN ('phonecalloutbound', 'outboundcall', 'outboundphone', 'outboundemail', 'emailoutbound') THEN 1 ELSE 0 END = 1 THEN 'outbound' WHEN dir_txt LIKE 'outbound%' OR dir_txt LIKE 'agent%' OR dir_txt LIKE 'admin%' OR dir_txt LIKE 'outgoing%' THEN 'outbound' ELSE CAST(NULL AS STRING) END AS reason,
    CASE WHEN status_key IN ('solved', 'resolved', 'closed', 'done', 'completed', 'complete', 'fixed', 'archived', 'cancelled', 'canceled', 'resolvedclosed', 'closedresolved') THEN 'resolved' WHEN status_key IN ('new', 'open', 'opened', 'pending', 'hold', 'onhold', 'inprogress', 'active', 'assigned', 'awaitinguserinfo', 'awaitingcustomer', 'awaiting', 'waiting', 'waitingoncustomer', 'waitingonthirdparty', 'pendingcustomerresponse', 'reopened', 'escalated', 'working', 'unassigned', 'triage', 'snoozed', 'awaitingproblem', 'awaitingvendor', 'awaitingevidence', 'awaitingchange', 'inprocess', 'todo') OR status_key LIKE 'awaiting%' OR status_key LIKE 'waiting%' OR status_key LIKE 'pending%' THEN 'open' ELSE 'unknown' END AS status_class
  FROM r
),
t AS (
  SELECT
    created_s, raw_ch, channel, cat, pri, fr_s, res_s,
    COALESCE(byv, '(no group)') AS byv,
    CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END AS band,
    concat(CASE WHEN followers IS NULL OR followers < 0 THEN 'unknown' WHEN followers < 1000 THEN '<1k' WHEN followers < 10000 THEN '1k-10k' WHEN followers < 100000 THEN '10k-100k' ELSE '100k+' END, ' / ', channel) AS bandch,
    CASE WHEN fr_s IS NULL THEN 'w' WHEN fr_s < 0 THEN NULL WHEN created_s + fr_s > 1793491200 THEN 'w' ELSE 'e' END AS fr_kind,
    CASE WHEN res_s IS NOT NULL AND status_class <> 'open' THEN (CASE WHEN res_s < 0 THEN NULL WHEN created_s + res_s > 1793491200 THEN 'w' ELSE 'e' END) WHEN res_s IS NOT NULL THEN 'w' WHEN status_class = 'resolved' THEN NULL ELSE 'w' END AS res_kind,
    CASE WHEN fr_s < 0 THEN 1 ELSE 0 END AS fr_neg,
    CASE WHEN res_s < 0 AND status_class <> 'open' THEN 1 ELSE 0 END AS res_neg
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
)
SELECT CAST('bandChannel' AS STRING) AS `dimension`, CAST(bandch AS STRING) AS `group`, CAST(cat AS STRING) AS `category`, CAST(pri AS STRING) AS `priority`, CAST(metric AS STRING) AS `metric`, CAST(seconds AS INT64) AS `seconds`, CAST(CAST(COALESCE(SUM(CASE WHEN kind = 'e' THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `ended`, CAST(CAST(COALESCE(SUM(CASE WHEN kind = 'w' THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `waiting`
FROM m
GROUP BY bandch, cat, pri, metric, seconds
UNION ALL
SELECT CAST('by' AS STRING) AS `dimension`, CAST(byv AS STRING) AS `group`, CAST(cat AS STRING) AS `category`, CAST(pri AS STRING) AS `priority`, CAST(metric AS STRING) AS `metric`, CAST(seconds AS INT64) AS `seconds`, CAST(CAST(COALESCE(SUM(CASE WHEN kind = 'e' THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `ended`, CAST(CAST(COALESCE(SUM(CASE WHEN kind = 'w' THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `waiting`
FROM m
GROUP BY byv, cat, pri, metric, seconds
UNION ALL
SELECT CAST('bandChannel' AS STRING) AS `dimension`, CAST(bandch AS STRING) AS `group`, CAST(cat AS STRING) AS `category`, CAST(pri AS STRING) AS `priority`, CAST('tickets' AS STRING) AS `metric`, CAST(0 AS INT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
GROUP BY bandch, cat, pri
UNION ALL
SELECT CAST('by' AS STRING) AS `dimension`, CAST(byv AS STRING) AS `group`, CAST(cat AS STRING) AS `category`, CAST(pri AS STRING) AS `priority`, CAST('tickets' AS STRING) AS `metric`, CAST(0 AS INT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
GROUP BY byv, cat, pri
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('rows' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(NULL AS INT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM c
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('rejected' AS STRING) AS `group`, CAST(reason AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(NULL AS INT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM c
WHERE reason IS NOT NULL
GROUP BY reason
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('tickets' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(NULL AS INT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('createdFrom' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(CAST(FLOOR(MIN(created_s) + 0.5) AS INT64) AS INT64) AS `seconds`, CAST(0 AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('createdTo' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(CAST(FLOOR(MAX(created_s) + 0.5) AS INT64) AS INT64) AS `seconds`, CAST(0 AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('asOf' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(CAST(FLOOR(1793491200 + 0.5) AS INT64) AS INT64) AS `seconds`, CAST(0 AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('negative' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST('firstResponse' AS STRING) AS `metric`, CAST(NULL AS INT64) AS `seconds`, CAST(CAST(COALESCE(SUM(fr_neg), 0) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('negative' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST('resolution' AS STRING) AS `metric`, CAST(NULL AS INT64) AS `seconds`, CAST(CAST(COALESCE(SUM(res_neg), 0) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('measured' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST('firstResponse' AS STRING) AS `metric`, CAST(NULL AS INT64) AS `seconds`, CAST(CAST(COALESCE(SUM(CASE WHEN fr_kind IS NOT NULL THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('measured' AS STRING) AS `group`, CAST(CAST(NULL AS STRING) AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST('resolution' AS STRING) AS `metric`, CAST(NULL AS INT64) AS `seconds`, CAST(CAST(COALESCE(SUM(CASE WHEN res_kind IS NOT NULL THEN 1 ELSE 0 END), 0) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('by' AS STRING) AS `group`, CAST('group' AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(NULL AS INT64) AS `seconds`, CAST(0 AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
UNION ALL
SELECT CAST('meta' AS STRING) AS `dimension`, CAST('note' AS STRING) AS `group`, CAST('business clock: it\'s a note' AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(0 AS INT64) AS `seconds`, CAST(0 AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
UNION ALL
SELECT CAST('rawChannel' AS STRING) AS `dimension`, CAST(COALESCE(raw_ch, '(empty)') AS STRING) AS `group`, CAST(channel AS STRING) AS `category`, CAST(CAST(NULL AS STRING) AS STRING) AS `priority`, CAST(CAST(NULL AS STRING) AS STRING) AS `metric`, CAST(NULL AS INT64) AS `seconds`, CAST(CAST(COUNT(*) AS INT64) AS INT64) AS `ended`, CAST(0 AS INT64) AS `waiting`
FROM t
GROUP BY raw_ch, channel
