/**
 * Tiers' live state per service: {stable revision, candidate revision or none, split}. Set by
 * {@code drover deploy --revision N} today, by rollouts later. Plain Java.
 */
package dev.drover.tier;
