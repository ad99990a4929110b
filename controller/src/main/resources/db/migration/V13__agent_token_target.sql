-- An agent token may be bound to one target at creation: its agent then runs that target's jobs only,
-- whatever labels it reports, so a leaked agent token cannot claim another target's jobs and their secrets.
alter table api_token add column bound_target varchar(100);
