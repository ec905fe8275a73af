-- Integration events. pending_outboxes lists the grains whose outbox may still hold events
-- (listed before the write that records an event, removed once the outbox is empty), so a
-- starting silo wakes them even though the embedded mode's reminders live in memory.
-- processed_events is what the order-event consumer already handled, for de-duplication.
CREATE TABLE IF NOT EXISTS pending_outboxes (
    grain_id TEXT NOT NULL PRIMARY KEY,
    listed_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS processed_events (
    event_id TEXT NOT NULL PRIMARY KEY,
    type TEXT NOT NULL,
    processed_at INTEGER NOT NULL
);
