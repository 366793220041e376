-- The row now holds the state the lifecycle aggregate resolved over all versions of the object:
-- when its current version (or the delete marker on top) came to be, and how many versions
-- survive. Rows projected from events older than that keep NULL in both: not known.
ALTER TABLE catalog_object ADD COLUMN current_since TIMESTAMP WITH TIME ZONE;
ALTER TABLE catalog_object ADD COLUMN version_count INTEGER;
