-- The instance type and zone an attempt (last) ran on, where its backend says: AWS Batch's ECS container
-- instance. Null for agents' attempts and where the host could not be read.
alter table attempt add column instance_type varchar(64);
alter table attempt add column availability_zone varchar(64);
