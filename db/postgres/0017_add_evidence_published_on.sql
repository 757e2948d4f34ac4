-- When a source was published (YYYY-MM-DD), optional: readers see it in their own language beside the source's
-- title ("23 Oktober 2020" on the Indonesian page), instead of a date typed into the title in one language.
ALTER TABLE evidence ADD COLUMN published_on text NULL;
