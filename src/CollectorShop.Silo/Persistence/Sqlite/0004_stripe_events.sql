-- Stripe webhook events the shop already handled: Stripe delivers at least once, the shop acts once per event id.
CREATE TABLE IF NOT EXISTS stripe_events (
    event_id TEXT NOT NULL PRIMARY KEY,
    type TEXT NOT NULL,
    received_at INTEGER NOT NULL
);
