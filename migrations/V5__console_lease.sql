-- Consoles that share one database (PostgreSQL, in HA) take turns at the work that one of them
-- should do: sampling the value history, rolling it up and expiring it. The console that holds a
-- named lease does it and renews it every tick; another takes it over once it has expired.
-- expires_at is in epoch milliseconds by the holder's clock.
CREATE TABLE console_lease (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    holder     VARCHAR(256) NOT NULL,
    expires_at BIGINT       NOT NULL
);
