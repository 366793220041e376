-- Run after every migration, so that the grants follow the service's user of the day.
-- The service's own user (${trailWriter}, DB_USER) may append to the trail and read it, and
-- never change or remove an entry: it gets SELECT and INSERT on the trail and on the record of
-- reads, and moves the trail's head; the tables belong to the user that migrates (DB_OWNER_USER).
-- When both are the same user this changes nothing, and the service logs a warning at start.
-- A migration that adds a table adds its grant here.
GRANT SELECT, INSERT ON audit_entry, trail_read TO "${trailWriter}";
GRANT SELECT, UPDATE ON trail_head TO "${trailWriter}";
-- The tree's nodes are appended like entries; of a checkpoint only the time it was published may change.
GRANT SELECT, INSERT ON trail_node, trail_checkpoint TO "${trailWriter}";
GRANT UPDATE (published_at) ON trail_checkpoint TO "${trailWriter}";
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "${trailWriter}";
