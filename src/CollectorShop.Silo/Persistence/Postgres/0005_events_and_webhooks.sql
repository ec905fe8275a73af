-- Integration events. pending_outboxes lists the grains whose outbox may still hold events
-- (listed before the write that records an event, removed once the outbox is empty), so a
-- starting silo wakes them. processed_events is what the order-event consumer already
-- handled, for de-duplication.
CREATE TABLE IF NOT EXISTS pending_outboxes (
    grain_id text NOT NULL PRIMARY KEY,
    listed_at bigint NOT NULL
);

CREATE TABLE IF NOT EXISTS processed_events (
    event_id text NOT NULL PRIMARY KEY,
    type text NOT NULL,
    processed_at bigint NOT NULL
);

-- Stripe webhook events the shop already handled: Stripe delivers at least once, the shop acts once per event id.
CREATE TABLE IF NOT EXISTS stripe_events (
    event_id text NOT NULL PRIMARY KEY,
    type text NOT NULL,
    received_at bigint NOT NULL
);
