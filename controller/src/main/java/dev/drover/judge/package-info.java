/**
 * The canary judge: candidate against baseline within one tier, gate by gate, with the evidence for
 * each verdict. Plain Java (statistics from commons-math3); knows nothing of stores, HTTP or time.
 */
package dev.drover.judge;
