-- Sweep cluster schema, version 1. Applied once, in one transaction, by the first silo or client that finds the
-- database without it (ClusterSchema.cs); later versions add files 002-…, never edit this one.

-- Grain state and trial progress: the rows of a home's SQLite file, so the read verbs query either alike, plus the
-- service they belong to (Orleans' ServiceId: the clusters of one service share its state, other services do not).
CREATE TABLE grain_state (
    service_id  text        NOT NULL,
    state_name  text        NOT NULL,
    grain_id    text        NOT NULL,
    etag        bigint      NOT NULL,
    payload     text,
    updated_utc timestamptz NOT NULL,
    PRIMARY KEY (service_id, state_name, grain_id)
);

CREATE TABLE trial_progress (
    service_id text           NOT NULL,
    sweep_id text             NOT NULL,
    number   integer          NOT NULL,
    step     integer          NOT NULL,
    value    double precision NOT NULL,
    PRIMARY KEY (service_id, sweep_id, number, step)
);

-- One row per cluster id: which service it belongs to and which Sweep protocol its silos speak.
CREATE TABLE sweep_clusters (
    cluster_id    text        PRIMARY KEY,
    service_id    text        NOT NULL,
    protocol      integer     NOT NULL,
    sweep_version text        NOT NULL,
    created_utc   timestamptz NOT NULL DEFAULT now()
);

-- Orleans' ADO.NET membership (Microsoft.Orleans.Clustering.AdoNet 10.4.2): the provider reads its statements from
-- orleansquery by key and binds the @-parameters below; the statements are ours, the keys and columns its contract.
CREATE TABLE orleansquery (
    querykey  varchar(64)   NOT NULL PRIMARY KEY,
    querytext varchar(8000) NOT NULL
);

CREATE TABLE orleansmembershipversiontable (
    deploymentid varchar(150)   NOT NULL PRIMARY KEY,
    timestamp    timestamptz(3) NOT NULL DEFAULT now(),
    version      integer        NOT NULL DEFAULT 0
);

CREATE TABLE orleansmembershiptable (
    deploymentid varchar(150)   NOT NULL REFERENCES orleansmembershipversiontable (deploymentid),
    address      varchar(45)    NOT NULL,
    port         integer        NOT NULL,
    generation   integer        NOT NULL,
    siloname     varchar(150)   NOT NULL,
    hostname     varchar(150)   NOT NULL,
    status       integer        NOT NULL,
    proxyport    integer,
    suspecttimes varchar(8000),
    starttime    timestamptz(3) NOT NULL,
    iamalivetime timestamptz(3) NOT NULL,
    PRIMARY KEY (deploymentid, address, port, generation)
);

-- A member row goes in, or changes, only together with a bump of the table version it was read at (optimistic
-- concurrency across silos). The bump comes first and takes the version row's lock, so concurrent writers queue there;
-- when the member change then fails, the block's exception handler rolls the bump back with it.
CREATE FUNCTION sweep_membership_bump(d text, v integer) RETURNS boolean LANGUAGE sql AS $$
    WITH bumped AS (
        UPDATE orleansmembershipversiontable SET version = version + 1, timestamp = now()
        WHERE deploymentid = d AND version = v RETURNING 1)
    SELECT count(*) = 1 FROM bumped
$$;

CREATE FUNCTION sweep_membership_insert(d text, a text, p integer, g integer, silo text, host text, st integer,
                                        proxy integer, started timestamptz, alive timestamptz, v integer)
RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
    IF NOT sweep_membership_bump(d, v) THEN RETURN 0; END IF;
    INSERT INTO orleansmembershiptable (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
    VALUES (d, a, p, g, silo, host, st, proxy, started, alive);
    RETURN 1;
EXCEPTION WHEN unique_violation THEN
    RETURN 0;   -- already a member
END $$;

CREATE FUNCTION sweep_membership_update(d text, a text, p integer, g integer, st integer, suspects text,
                                        alive timestamptz, v integer)
RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
    IF NOT sweep_membership_bump(d, v) THEN RETURN 0; END IF;
    UPDATE orleansmembershiptable SET status = st, suspecttimes = suspects, iamalivetime = alive
    WHERE deploymentid = d AND address = a AND port = p AND generation = g;
    IF NOT FOUND THEN RAISE no_data_found; END IF;
    RETURN 1;
EXCEPTION WHEN no_data_found THEN
    RETURN 0;   -- no such member
END $$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey',
 'WITH inserted AS (INSERT INTO orleansmembershipversiontable (deploymentid) VALUES (@DeploymentId::text)
                    ON CONFLICT DO NOTHING RETURNING 1)
  SELECT count(*)::integer FROM inserted'),
('InsertMembershipKey',
 'SELECT sweep_membership_insert(@DeploymentId::text, @Address::text, @Port::integer, @Generation::integer, @SiloName::text,
                                 @HostName::text, @Status::integer, @ProxyPort::integer, @StartTime::timestamptz,
                                 @IAmAliveTime::timestamptz, @Version::integer)'),
('UpdateMembershipKey',
 'SELECT sweep_membership_update(@DeploymentId::text, @Address::text, @Port::integer, @Generation::integer, @Status::integer,
                                 @SuspectTimes::text, @IAmAliveTime::timestamptz, @Version::integer)'),
('UpdateIAmAlivetimeKey',
 'UPDATE orleansmembershiptable SET iamalivetime = @IAmAliveTime::timestamptz
  WHERE deploymentid = @DeploymentId::text AND address = @Address::text AND port = @Port::integer AND generation = @Generation::integer'),
('MembershipReadRowKey',
 'SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
         m.suspecttimes, m.starttime, m.iamalivetime, v.version
  FROM orleansmembershipversiontable v
  LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
       AND m.address = @Address::text AND m.port = @Port::integer AND m.generation = @Generation::integer
  WHERE v.deploymentid = @DeploymentId::text'),
('MembershipReadAllKey',
 'SELECT v.deploymentid, m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
         m.suspecttimes, m.starttime, m.iamalivetime, v.version
  FROM orleansmembershipversiontable v
  LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
  WHERE v.deploymentid = @DeploymentId::text'),
('DeleteMembershipTableEntriesKey',
 'DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId::text;
  DELETE FROM orleansmembershipversiontable WHERE deploymentid = @DeploymentId::text'),
('GatewaysQueryKey',
 'SELECT address, proxyport, generation FROM orleansmembershiptable
  WHERE deploymentid = @DeploymentId::text AND status = @Status::integer AND proxyport > 0'),
('CleanupDefunctSiloEntriesKey',
 'DELETE FROM orleansmembershiptable
  WHERE deploymentid = @DeploymentId::text AND iamalivetime < @IAmAliveTime::timestamptz AND status <> 3');
