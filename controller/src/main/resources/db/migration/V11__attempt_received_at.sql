-- When the controller took an attempt's result, by the controller's own clock. The started/ended times an
-- agent reports come from its clock, which may be skewed by minutes: they give the attempt's duration, while
-- windows ("the last 24 h", cost per day) and the live fingerprints count by this column.
alter table attempt add column received_at timestamp with time zone;
update attempt set received_at = coalesce(ended_at, dispatched_at) where status = 'finished';
drop index attempt_service_idx;
create index attempt_received_idx on attempt (service_id, received_at);
