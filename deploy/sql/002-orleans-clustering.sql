-- =============================================================================
-- 002-orleans-clustering.sql
--
-- Cluster membership storage for the Microsoft Orleans 10 ADO.NET clustering
-- provider (Microsoft.Orleans.Clustering.AdoNet) on PostgreSQL. It implements
-- the provider's query contract: the QueryKey names, the @parameters it binds
-- and the result column names it reads. It serves both silos (membership
-- table) and clients (gateway list).
--
-- Requires 001-orleans-main.sql (the OrleansQuery table).
--
-- Idempotent: safe to run any number of times. Tables use IF NOT EXISTS,
-- functions CREATE OR REPLACE, query rows are upserted on QueryKey. No
-- BEGIN/COMMIT inside, so the caller may run it in its own transaction.
--
-- Model in short
--   * One "version" row per cluster (DeploymentId = ClusterId). Every change
--     to the set of silo rows bumps its Version; writers must present the
--     Version they last read (optimistic concurrency), and a writer holding an
--     outdated Version gets 0 ("not written") back.
--   * One row per silo incarnation (address, port, generation).
--   * Status values are Orleans' SiloStatus numbers: 3 = Active, 6 = Dead.
--   * Timestamps are timestamptz; Orleans sends and expects UTC.
-- =============================================================================

CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL,
    Timestamp    timestamptz  NOT NULL DEFAULT now(),
    Version      integer      NOT NULL DEFAULT 0,

    CONSTRAINT pk_orleans_membership_version PRIMARY KEY (DeploymentId)
);

CREATE TABLE IF NOT EXISTS OrleansMembershipTable
(
    DeploymentId varchar(150)  NOT NULL,
    Address      varchar(45)   NOT NULL,  -- IPv4 or IPv6 text form
    Port         integer       NOT NULL,  -- silo-to-silo port
    Generation   integer       NOT NULL,  -- distinguishes restarts on one endpoint
    SiloName     varchar(150)  NOT NULL,
    HostName     varchar(150)  NOT NULL,
    Status       integer       NOT NULL,
    ProxyPort    integer       NULL,      -- gateway port; 0/NULL = not a gateway
    SuspectTimes varchar(8000) NULL,      -- "silo,time|silo,time" as Orleans writes it
    StartTime    timestamptz   NOT NULL,
    IAmAliveTime timestamptz   NOT NULL,

    CONSTRAINT pk_orleans_membership PRIMARY KEY (DeploymentId, Address, Port, Generation),
    CONSTRAINT fk_orleans_membership_cluster FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId)
);

-- -----------------------------------------------------------------------------
-- Add a silo row. Returns 1 when the row was added and the cluster version
-- advanced, 0 when the caller's version is stale or the silo row already
-- exists (nothing is changed in that case).
--
-- The version row is locked first (FOR UPDATE, and only if it still carries
-- the expected Version), which serialises every membership writer of the same
-- cluster; after that the existence check and the insert cannot race.
-- -----------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION orleans_cluster_add_silo(
    p_cluster          text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_silo_name        text,
    p_host_name        text,
    p_status           integer,
    p_proxy_port       integer,
    p_start_time       timestamptz,
    p_alive_time       timestamptz,
    p_expected_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $body$
BEGIN
    PERFORM 1
      FROM OrleansMembershipVersionTable
     WHERE DeploymentId = p_cluster
       AND Version = p_expected_version
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 0;  -- stale version (or unknown cluster)
    END IF;

    IF EXISTS (SELECT 1
                 FROM OrleansMembershipTable
                WHERE DeploymentId = p_cluster
                  AND Address = p_address
                  AND Port = p_port
                  AND Generation = p_generation) THEN
        RETURN 0;  -- this incarnation is already registered
    END IF;

    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName,
         Status, ProxyPort, StartTime, IAmAliveTime)
    VALUES
        (p_cluster, p_address, p_port, p_generation, p_silo_name, p_host_name,
         p_status, p_proxy_port, p_start_time, p_alive_time);

    UPDATE OrleansMembershipVersionTable
       SET Version = Version + 1,
           Timestamp = now()
     WHERE DeploymentId = p_cluster;

    RETURN 1;
END;
$body$;

-- -----------------------------------------------------------------------------
-- Change status / suspicion list / liveness of an existing silo row.
-- Same locking and return convention as orleans_cluster_add_silo. The
-- liveness timestamp never moves backwards, so a delayed writer cannot make a
-- healthy silo look older than it is.
-- -----------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION orleans_cluster_change_silo(
    p_cluster          text,
    p_address          text,
    p_port             integer,
    p_generation       integer,
    p_status           integer,
    p_suspect_times    text,
    p_alive_time       timestamptz,
    p_expected_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $body$
BEGIN
    PERFORM 1
      FROM OrleansMembershipVersionTable
     WHERE DeploymentId = p_cluster
       AND Version = p_expected_version
       FOR UPDATE;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE OrleansMembershipTable
       SET Status       = p_status,
           SuspectTimes = p_suspect_times,
           IAmAliveTime = GREATEST(IAmAliveTime, p_alive_time)
     WHERE DeploymentId = p_cluster
       AND Address = p_address
       AND Port = p_port
       AND Generation = p_generation;
    IF NOT FOUND THEN
        RETURN 0;  -- no such silo row; leave the version untouched
    END IF;

    UPDATE OrleansMembershipVersionTable
       SET Version = Version + 1,
           Timestamp = now()
     WHERE DeploymentId = p_cluster;

    RETURN 1;
END;
$body$;

-- -----------------------------------------------------------------------------
-- Provider statements. Parameter names (@DeploymentId, @Address, ...) and the
-- quoted result column aliases are fixed by the provider; keep them as is.
-- -----------------------------------------------------------------------------
INSERT INTO OrleansQuery (QueryKey, QueryText)
VALUES

-- Create the cluster's version row if missing. One column: rows inserted (1/0).
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer AS "Inserted" FROM created;
$q$),

-- Register a new silo incarnation. One column: 1 = done, 0 = rejected.
('InsertMembershipKey', $q$
SELECT orleans_cluster_add_silo(
    @DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
    @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS "Inserted";
$q$),

-- Update a silo row. One column: 1 = done, 0 = rejected.
('UpdateMembershipKey', $q$
SELECT orleans_cluster_change_silo(
    @DeploymentId, @Address, @Port, @Generation,
    @Status, @SuspectTimes, @IAmAliveTime, @Version) AS "Updated";
$q$),

-- Heartbeat. Not versioned; result ignored by the provider.
('UpdateIAmAlivetimeKey', $q$
UPDATE OrleansMembershipTable
   SET IAmAliveTime = GREATEST(IAmAliveTime, @IAmAliveTime)
 WHERE DeploymentId = @DeploymentId
   AND Address = @Address
   AND Port = @Port
   AND Generation = @Generation;
$q$),

-- One silo row plus the cluster version. The version row is the driving side
-- of the join, so a result row (with NULL silo columns) comes back even when
-- the silo is unknown; no row at all means the cluster is not initialised.
('MembershipReadRowKey', $q$
SELECT v.DeploymentId AS "DeploymentId",
       m.Address      AS "Address",
       m.Port         AS "Port",
       m.Generation   AS "Generation",
       m.SiloName     AS "SiloName",
       m.HostName     AS "HostName",
       m.Status       AS "Status",
       m.ProxyPort    AS "ProxyPort",
       m.SuspectTimes AS "SuspectTimes",
       m.StartTime    AS "StartTime",
       m.IAmAliveTime AS "IAmAliveTime",
       v.Version      AS "Version"
  FROM OrleansMembershipVersionTable AS v
  LEFT JOIN OrleansMembershipTable AS m
         ON m.DeploymentId = v.DeploymentId
        AND m.Address = @Address
        AND m.Port = @Port
        AND m.Generation = @Generation
 WHERE v.DeploymentId = @DeploymentId;
$q$),

-- All silo rows of the cluster plus the cluster version (same shape as above).
('MembershipReadAllKey', $q$
SELECT v.DeploymentId AS "DeploymentId",
       m.Address      AS "Address",
       m.Port         AS "Port",
       m.Generation   AS "Generation",
       m.SiloName     AS "SiloName",
       m.HostName     AS "HostName",
       m.Status       AS "Status",
       m.ProxyPort    AS "ProxyPort",
       m.SuspectTimes AS "SuspectTimes",
       m.StartTime    AS "StartTime",
       m.IAmAliveTime AS "IAmAliveTime",
       v.Version      AS "Version"
  FROM OrleansMembershipVersionTable AS v
  LEFT JOIN OrleansMembershipTable AS m
         ON m.DeploymentId = v.DeploymentId
 WHERE v.DeploymentId = @DeploymentId;
$q$),

-- Drop a whole cluster (silo rows first because of the foreign key).
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId;
DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId;
$q$),

-- Gateway list for clients: active silos that expose a gateway port.
-- The provider binds @Status = 3 (Active).
('GatewaysQueryKey', $q$
SELECT Address    AS "Address",
       ProxyPort  AS "ProxyPort",
       Generation AS "Generation"
  FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId
   AND Status = @Status
   AND ProxyPort > 0;
$q$),

-- Bulk removal of Dead silo rows whose last sign of life is older than
-- @IAmAliveTime. Required by the provider, but 10.4.2 only runs it when
-- 'CleanupDefunctSiloEntryKey' (below) is missing.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId
   AND Status = 6
   AND IAmAliveTime < @IAmAliveTime
   AND StartTime < @IAmAliveTime;
$q$),

-- Removal of one Dead row, but only if it still holds exactly the values the
-- provider read (start time, liveness, suspicion list); a row that changed in
-- the meantime is left alone. An empty suspicion list and NULL are the same
-- thing to the provider, hence the COALESCE on both sides.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM OrleansMembershipTable
 WHERE DeploymentId = @DeploymentId
   AND Address = @Address
   AND Port = @Port
   AND Generation = @Generation
   AND Status = 6
   AND StartTime = @StartTime
   AND IAmAliveTime = @IAmAliveTime
   AND COALESCE(SuspectTimes, '') = COALESCE(@SuspectTimes, '');
$q$)

ON CONFLICT (QueryKey) DO UPDATE
    SET QueryText = EXCLUDED.QueryText;
