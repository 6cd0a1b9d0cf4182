-- =============================================================================
-- 003-orleans-persistence.sql
--
-- Grain state storage for the Microsoft Orleans 10 ADO.NET grain storage
-- provider (Microsoft.Orleans.Persistence.AdoNet, AddAdoNetGrainStorage) on
-- PostgreSQL. It implements the provider's query contract: the QueryKey
-- names WriteToStorageKey, ReadFromStorageKey, ClearStorageKey and the
-- optional DeleteStorageKey (used when DeleteStateOnClear = true), the
-- @parameters the provider binds and the result columns it reads.
--
-- Requires 001-orleans-main.sql (the OrleansQuery table).
--
-- Idempotent: safe to run any number of times (IF NOT EXISTS, CREATE OR
-- REPLACE, upsert on QueryKey). No BEGIN/COMMIT and no CONCURRENTLY, so the
-- caller may run it inside its own transaction.
--
-- How a grain is identified (all supplied by the provider):
--   ServiceId, GrainTypeString (+ its hash GrainTypeHash), and the grain key:
--     integer key -> GrainIdN0 = 0, GrainIdN1 = key, extension = key extension
--     Guid key    -> GrainIdN0/N1 = the two halves, extension = key extension
--     string key  -> GrainIdN0 = GrainIdN1 = 0, GrainIdExtensionString = key
--   GrainIdHash is a hash of the key, used to keep lookups on a narrow index.
--   A NULL extension and an empty one are different keys.
--
-- Versioning (the grain's ETag): Version starts at 1 on first write and goes
-- up by one on every write or clear. A write or clear must present the
-- version it last read; if it does not match, the statement reports NULL and
-- the provider raises InconsistentStateException.
-- =============================================================================

CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            integer      NOT NULL,
    GrainIdN0              bigint       NOT NULL,
    GrainIdN1              bigint       NOT NULL,
    GrainTypeHash          integer      NOT NULL,
    GrainTypeString        text         NOT NULL,
    GrainIdExtensionString text         NULL,
    ServiceId              varchar(150) NOT NULL,
    PayloadBinary          bytea        NULL,      -- NULL after a clear
    ModifiedOn             timestamptz  NOT NULL DEFAULT now(),
    Version                integer      NOT NULL
);

-- One row per grain. The free-text parts of the key go through md5() so that
-- long grain type names or string keys cannot exceed the btree entry limit;
-- the IS NULL term keeps a NULL extension distinct from an empty one. The
-- leading hash/number columns also make this the lookup index for all
-- statements below. It is what makes a first write race-free: two
-- activations inserting the same grain concurrently cannot both succeed.
CREATE UNIQUE INDEX IF NOT EXISTS ux_orleans_storage_grain
    ON OrleansStorage (
        GrainIdHash,
        GrainTypeHash,
        GrainIdN0,
        GrainIdN1,
        ServiceId,
        md5(GrainTypeString),
        md5(COALESCE(GrainIdExtensionString, '')),
        (GrainIdExtensionString IS NULL)
    );

-- -----------------------------------------------------------------------------
-- Store grain state. p_expected_version NULL means "the grain believes no
-- row exists": insert version 1 unless a row appeared meanwhile. Otherwise
-- replace the payload only if the stored version still matches. Returns the
-- new version, or NULL when the write was refused.
-- -----------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION orleans_grain_state_write(
    p_id_hash          integer,
    p_id_n0            bigint,
    p_id_n1            bigint,
    p_type_hash        integer,
    p_type             text,
    p_id_ext           text,
    p_service          text,
    p_expected_version integer,
    p_payload          bytea)
RETURNS integer
LANGUAGE plpgsql
AS $body$
DECLARE
    v_new_version integer;
BEGIN
    IF p_expected_version IS NULL THEN
        INSERT INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString,
             GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
        VALUES
            (p_id_hash, p_id_n0, p_id_n1, p_type_hash, p_type,
             p_id_ext, p_service, p_payload, now(), 1)
        ON CONFLICT DO NOTHING
        RETURNING Version INTO v_new_version;
    ELSE
        UPDATE OrleansStorage
           SET PayloadBinary = p_payload,
               ModifiedOn    = now(),
               Version       = Version + 1
         WHERE GrainIdHash = p_id_hash
           AND GrainTypeHash = p_type_hash
           AND GrainIdN0 = p_id_n0
           AND GrainIdN1 = p_id_n1
           AND ServiceId = p_service
           AND GrainTypeString = p_type
           AND GrainIdExtensionString IS NOT DISTINCT FROM p_id_ext
           AND Version = p_expected_version
        RETURNING Version INTO v_new_version;
    END IF;

    RETURN v_new_version;  -- NULL when nothing was written
END;
$body$;

-- -----------------------------------------------------------------------------
-- Provider statements. Parameter names and the quoted result column aliases
-- are fixed by the provider; keep them as is.
-- -----------------------------------------------------------------------------
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES

-- Read: zero rows = never written; PayloadBinary NULL = cleared.
('ReadFromStorageKey', $q$
SELECT PayloadBinary AS "PayloadBinary",
       Version       AS "Version"
  FROM OrleansStorage
 WHERE GrainIdHash = @GrainIdHash
   AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0
   AND GrainIdN1 = @GrainIdN1
   AND ServiceId = @ServiceId
   AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString;
$q$),

-- Write: one column, the new version or NULL on a version conflict.
('WriteToStorageKey', $q$
SELECT orleans_grain_state_write(
    @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
    @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary)
    AS "NewGrainStateVersion";
$q$),

-- Clear: keep the row (so the version keeps counting) but drop the payload.
-- Returns the new version; no row means a version conflict.
('ClearStorageKey', $q$
UPDATE OrleansStorage
   SET PayloadBinary = NULL,
       ModifiedOn    = now(),
       Version       = Version + 1
 WHERE GrainIdHash = @GrainIdHash
   AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0
   AND GrainIdN1 = @GrainIdN1
   AND ServiceId = @ServiceId
   AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
   AND Version = @GrainStateVersion
RETURNING Version AS "NewGrainStateVersion";
$q$),

-- Delete (only with DeleteStateOnClear = true): remove the row outright.
-- Reports a value different from the presented version on success (the
-- provider then forgets the ETag); no row means a version conflict.
('DeleteStorageKey', $q$
DELETE FROM OrleansStorage
 WHERE GrainIdHash = @GrainIdHash
   AND GrainTypeHash = @GrainTypeHash
   AND GrainIdN0 = @GrainIdN0
   AND GrainIdN1 = @GrainIdN1
   AND ServiceId = @ServiceId
   AND GrainTypeString = @GrainTypeString
   AND GrainIdExtensionString IS NOT DISTINCT FROM @GrainIdExtensionString
   AND Version = @GrainStateVersion
RETURNING Version + 1 AS "NewGrainStateVersion";
$q$)

ON CONFLICT (QueryKey) DO UPDATE
    SET QueryText = EXCLUDED.QueryText;
