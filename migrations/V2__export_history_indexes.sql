-- The history page filters by outcome and format and always sorts newest first.
CREATE INDEX export_history_at ON export_history (exported_at DESC);
CREATE INDEX export_history_outcome_format ON export_history (outcome, format, exported_at DESC);
