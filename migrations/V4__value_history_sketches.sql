-- Each row of a histogram keeps the quantile sketch of its interval's observations (the
-- collector's QuantileSketch.encode(), the sync's own encoding), so that a window's quantiles
-- are read once from the merged sketches of its rows, not averaged from per-row quantiles; the
-- q50..q99 columns go. span_ms is the time in milliseconds that a row's increase covers, from
-- the sync the series' previous row saw to the one this row saw: the sampler writes a row when a
-- series changed (its instances synced), so one row may hold the increase of several sample
-- intervals, or of less than one; null means the tier's width (rows written before this version).
-- Portable SQL: H2 takes BYTEA as BINARY VARYING, and PostgreSQL runs it as written.
ALTER TABLE history_sample ADD COLUMN span_ms BIGINT;
ALTER TABLE history_sample ADD COLUMN sketch BYTEA;
ALTER TABLE history_sample DROP COLUMN q50;
ALTER TABLE history_sample DROP COLUMN q95;
ALTER TABLE history_sample DROP COLUMN q99;
