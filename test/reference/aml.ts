/**
 * R's `survival::aml` (acute myelogenous leukemia), time in weeks, status 1 = relapse: the data
 * behind the published survfit, survdiff and Gehan reference values our tests reproduce.
 * Maintained:    9, 13, 13+, 18, 23, 28+, 31, 34, 45+, 48, 161+
 * Nonmaintained: 5, 5, 8, 8, 12, 16+, 23, 27, 30, 33, 43, 45
 */
export const maintained = {
  times: [9, 13, 13, 18, 23, 28, 31, 34, 45, 48, 161],
  events: [1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 0],
};
export const nonmaintained = {
  times: [5, 5, 8, 8, 12, 16, 23, 27, 30, 33, 43, 45],
  events: [1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1],
};
