-- Where an attempt runs outside Drover's agents: the AWS Batch job id of an attempt on an aws-batch
-- target (null for agents' attempts). Kept with the attempt so a restarted controller finds its jobs.
alter table attempt add column backend_ref varchar(200);
