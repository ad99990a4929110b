-- Replayed canary load: a job that repeats the parameters of a recent job on a stage's tier and arm
-- (revision and arm fixed at submission), judged and costed like any other.
alter table job add column replay_of varchar(40);
