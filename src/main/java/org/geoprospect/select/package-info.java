/**
 * Select: which elements are related to ore (step 2 of Gao et al.'s method). Deposits give labelled grid cells
 * ({@link org.geoprospect.grid.LocationLabeller}: positive cells at and around deposits, negative cells sampled
 * away from them); for each element grid a Gaussian-kernel SVM separates the element's values at positive cells
 * from those at negative cells ({@link org.geoprospect.select.SvmScorer}), and the ROC AUC of its decision values,
 * with its ZAUC significance, ranks the elements. This package computes labels and decision values only; no I/O.
 */
package org.geoprospect.select;
