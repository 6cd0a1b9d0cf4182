-- =============================================================================
-- 001-orleans-main.sql
--
-- Shared registry of provider queries for Microsoft Orleans 10 ADO.NET
-- providers on PostgreSQL.
--
-- The Orleans ADO.NET providers (clustering, grain persistence, reminders) do
-- not embed SQL. At start-up each provider reads its statements from the table
-- created here ("SELECT QueryKey, QueryText FROM OrleansQuery") and afterwards
-- runs only those statements. The later scripts (002-, 003-, 004-) fill this
-- table with the statements for each provider, keyed by the QueryKey names the
-- providers ask for.
--
-- Idempotent: safe to run any number of times. Contains no BEGIN/COMMIT and no
-- statement that refuses to run inside a transaction, so the caller may wrap it
-- (together with the other scripts) in one transaction guarded by an advisory
-- lock.
--
-- Naming note: identifiers are deliberately left unquoted. PostgreSQL folds
-- them to lower case, which is what Orleans' own unquoted SQL expects. Do not
-- "fix" them by adding double quotes.
-- =============================================================================

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    -- Name the provider looks the statement up by, e.g. 'ReadFromStorageKey'.
    QueryKey  varchar(64) NOT NULL,
    -- The SQL the provider executes, with @Name style parameters.
    QueryText text        NOT NULL,

    CONSTRAINT pk_orleans_query PRIMARY KEY (QueryKey)
);
