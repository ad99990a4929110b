-- Which controller leads. The leader alone drives polling, builds, rollouts, the reaper, retention, AWS Batch
-- and notifications; every replica serves the API, the dashboard, webhooks and agents. Expiry is read from
-- the database clock; fence goes up whenever the lead changes hands.
create table leader (
    name       varchar(40) primary key,
    holder     varchar(200),
    instance   varchar(64),
    expires_at timestamp with time zone,
    fence      bigint not null
);
insert into leader (name, fence) values ('controller', 0);

-- The running controllers, one row per leader-id: a second process with an id already in use is refused at start.
create table controller_replica (
    leader_id  varchar(200) primary key,
    instance   varchar(64) not null,
    started_at timestamp with time zone not null,
    seen_at    timestamp with time zone not null
);
