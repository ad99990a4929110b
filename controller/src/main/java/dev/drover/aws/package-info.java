/**
 * AWS adapters: AWS Batch as a job backend, ECR logins for pushes
 * ({@link dev.drover.aws.EcrRegistryAuth}), EC2 spot prices, CloudWatch Logs. The
 * only package that imports the AWS SDK; every client is built by {@link dev.drover.aws.AwsClients}
 * (one region, the default credentials chain, an endpoint override per client).
 */
package dev.drover.aws;
