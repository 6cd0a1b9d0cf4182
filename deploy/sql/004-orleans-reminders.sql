-- =============================================================================
-- 004-orleans-reminders.sql
--
-- Reminder storage for the Microsoft Orleans 10 ADO.NET reminder provider
-- (Microsoft.Orleans.Reminders.AdoNet, UseAdoNetReminderService) on
-- PostgreSQL. It implements the provider's query contract: the QueryKey
-- names, the @parameters it binds and the result columns it reads.
--
-- Requires 001-orleans-main.sql (the OrleansQuery table).
--
-- Idempotent: safe to run any number of times (IF NOT EXISTS, upsert on
-- QueryKey). No BEGIN/COMMIT inside, so the caller may run it inside its own
-- transaction.
--
-- Notes
--   * GrainId is Orleans' textual grain id ("type/key").
--   * GrainHash is the grain's uniform hash code reinterpreted as a signed
--     32-bit integer; the provider asks for hash ranges in that signed space.
--   * Period is in milliseconds.
--   * Version is the reminder's ETag: 0 on creation, +1 on every upsert.
-- =============================================================================

CREATE TABLE IF NOT EXISTS OrleansRemindersTable
(
    ServiceId    varchar(150)  NOT NULL,
    GrainId      varchar(1024) NOT NULL,
    ReminderName varchar(150)  NOT NULL,
    StartTime    timestamptz   NOT NULL,
    Period       bigint        NOT NULL,
    GrainHash    integer       NOT NULL,
    Version      integer       NOT NULL,

    CONSTRAINT pk_orleans_reminders PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Range scans done by each silo for the part of the hash ring it owns.
CREATE INDEX IF NOT EXISTS ix_orleans_reminders_hash
    ON OrleansRemindersTable (ServiceId, GrainHash);

INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES

-- Create or replace a reminder; returns its new Version.
('UpsertReminderRowKey', $q$
INSERT INTO OrleansRemindersTable AS r
    (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
    SET StartTime = EXCLUDED.StartTime,
        Period    = EXCLUDED.Period,
        GrainHash = EXCLUDED.GrainHash,
        Version   = r.Version + 1
RETURNING r.Version AS "Version";
$q$),

-- All reminders of one grain.
('ReadReminderRowsKey', $q$
SELECT GrainId      AS "GrainId",
       ReminderName AS "ReminderName",
       StartTime    AS "StartTime",
       Period       AS "Period",
       Version      AS "Version"
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId
   AND GrainId = @GrainId;
$q$),

-- One reminder of one grain.
('ReadReminderRowKey', $q$
SELECT GrainId      AS "GrainId",
       ReminderName AS "ReminderName",
       StartTime    AS "StartTime",
       Period       AS "Period",
       Version      AS "Version"
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId
   AND GrainId = @GrainId
   AND ReminderName = @ReminderName;
$q$),

-- Hash range (BeginHash, EndHash] that does not wrap around (Begin < End).
('ReadRangeRows1Key', $q$
SELECT GrainId      AS "GrainId",
       ReminderName AS "ReminderName",
       StartTime    AS "StartTime",
       Period       AS "Period",
       Version      AS "Version"
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId
   AND GrainHash > @BeginHash
   AND GrainHash <= @EndHash;
$q$),

-- Hash range that wraps around the end of the ring (Begin >= End).
('ReadRangeRows2Key', $q$
SELECT GrainId      AS "GrainId",
       ReminderName AS "ReminderName",
       StartTime    AS "StartTime",
       Period       AS "Period",
       Version      AS "Version"
  FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId
   AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
$q$),

-- Delete one reminder if its Version still matches. One column: 1/0.
('DeleteReminderRowKey', $q$
WITH removed AS (
    DELETE FROM OrleansRemindersTable
     WHERE ServiceId = @ServiceId
       AND GrainId = @GrainId
       AND ReminderName = @ReminderName
       AND Version = @Version
    RETURNING 1
)
SELECT count(*)::integer AS "Deleted" FROM removed;
$q$),

-- Delete every reminder of the service.
('DeleteReminderRowsKey', $q$
DELETE FROM OrleansRemindersTable
 WHERE ServiceId = @ServiceId;
$q$)

ON CONFLICT (QueryKey) DO UPDATE
    SET QueryText = EXCLUDED.QueryText;
