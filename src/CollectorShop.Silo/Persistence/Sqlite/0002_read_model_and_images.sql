-- The read model: one row per grain, the grain's snapshot as JSON in "data", the columns
-- lists filter and sort on beside it, and the grain state's version so that an older
-- snapshot never overwrites a newer one. Money in cents, times in Unix milliseconds.
CREATE TABLE IF NOT EXISTS products (
    id TEXT NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL,
    status TEXT NOT NULL,
    seller_id TEXT NOT NULL,
    category_id TEXT NOT NULL,
    price_cents INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    search_text TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_products_status_created ON products (status, created_at);
CREATE INDEX IF NOT EXISTS ix_products_category ON products (category_id, status);
CREATE INDEX IF NOT EXISTS ix_products_seller ON products (seller_id);

CREATE TABLE IF NOT EXISTS orders (
    id TEXT NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL,
    status TEXT NOT NULL,
    buyer_id TEXT NOT NULL,
    seller_id TEXT NOT NULL,
    product_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_orders_buyer ON orders (buyer_id, created_at);
CREATE INDEX IF NOT EXISTS ix_orders_seller ON orders (seller_id, created_at);
CREATE INDEX IF NOT EXISTS ix_orders_status ON orders (status, created_at);

CREATE TABLE IF NOT EXISTS users (
    id TEXT NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL,
    email TEXT NOT NULL,
    role TEXT NOT NULL,
    sort_name TEXT NOT NULL,
    search_text TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_users_sort_name ON users (sort_name);

CREATE TABLE IF NOT EXISTS seller_requests (
    id TEXT NOT NULL PRIMARY KEY,
    version INTEGER NOT NULL,
    status TEXT NOT NULL,
    user_id TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_seller_requests_status ON seller_requests (status, updated_at);

CREATE TABLE IF NOT EXISTS images (
    id TEXT NOT NULL PRIMARY KEY,
    content_type TEXT NOT NULL,
    bytes BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
