/**
 * Test data: a synthetic stream-sediment survey with a documented model and known ground truth, so that every
 * step (IDW grids, element selection by SVM ROC AUC, the ResNet-50 classifier, target polygons) can be checked
 * against answers that are known: which elements respond to mineralisation, and where the deposits — including
 * the hidden ones — are. {@link org.geoprospect.testdata.SyntheticSurvey} is the entry point; the model is in its
 * Javadoc and in {@code test-data/README.md}. The element set and the eight ore-related elements follow Gao et al.
 * (Table 1: Au, Sn, Cu, Ag, Ba, Sb, Hg, Mo selected from sixteen).
 */
package org.geoprospect.testdata;
