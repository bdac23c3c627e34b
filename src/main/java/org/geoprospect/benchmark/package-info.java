/**
 * Benchmarks of the steps against the tools a user would pick instead, for {@code docs/benchmarks.md}: each
 * measures in one run on one machine and returns its section as Markdown; the command line ({@code benchmark})
 * writes it. {@link org.geoprospect.benchmark.TrainComparison}: our DJL training and inference against PyTorch in
 * Python (its script, {@code torch_train_benchmark.py}, ships beside it), the two taking their steps in turn.
 * The analysis behind the figures is in {@code docs/train-speed.md}.
 */
package org.geoprospect.benchmark;
