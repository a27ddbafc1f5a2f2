-- LinkedIn connections are keyed by the importing member and the contact (lib/sources/linkedin/connection-id.ts
-- connectionSourceId), so a second member's export of the same contact adds that member's own connection
-- instead of being counted as a re-import. Re-key the connections imported before, which were keyed
-- 'connection:<contact source id>' with the owner as participants[1]: the same formula as stableId
-- (lib/sources/stable-id.ts): sha256 over each part followed by U+001F, base64url, first 22 characters.
UPDATE "Interaction"
   SET "sourceId" = 'linkedin-connection:' || translate(
         substr(encode(sha256(convert_to(participants[1] || chr(31) || substr("sourceId", 12) || chr(31), 'UTF8')), 'base64'), 1, 22),
         '+/', '-_')
 WHERE "sourceName" = 'linkedin'
   AND channel = 'linkedin'
   AND "sourceId" LIKE 'connection:%'
   AND cardinality(participants) >= 1;
