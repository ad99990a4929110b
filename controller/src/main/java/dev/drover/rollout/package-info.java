/**
 * Rollouts: a candidate revision walked through the stages of the stable side's policy, judged per
 * tier against the baseline, promoted stage by stage or rolled back; the deploy lock that keeps one
 * rollout at a time per service. A reconcile loop ({@link dev.drover.rollout.RolloutEngine}) over
 * stored state with a pure decision ({@link dev.drover.rollout.RolloutDecider}). Plain Java: imports
 * the domain packages (tier, revision, job, judge, spec) and nothing of Micronaut, jOOQ or HTTP.
 */
package dev.drover.rollout;
