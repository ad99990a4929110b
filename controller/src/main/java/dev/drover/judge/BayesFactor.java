package dev.drover.judge;

/**
 * An anytime-valid Bayes factor on marks that count {@code up} (the candidate's side had the event) or {@code down}
 * (the baseline's did): its log after so many of each, a test supermartingale under the null in mark order.
 */
public interface BayesFactor {
    double logFactor(int up, int down);
}
