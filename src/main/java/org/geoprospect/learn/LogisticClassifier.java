package org.geoprospect.learn;

import smile.classification.LogisticRegression;

import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** A logistic regression on every element's window mean (Smile, binomial, L2 penalty λ = 0.01). */
public final class LogisticClassifier implements WindowClassifier {
    private static final long serialVersionUID = 1L;
    private static final double LAMBDA = 0.01;

    private final LogisticRegression.Binomial model;

    private LogisticClassifier(LogisticRegression.Binomial model) {
        this.model = model;
    }

    /** @throws IllegalArgumentException (Smile's) unless both classes are among the windows */
    static LogisticClassifier fit(double[][] means, boolean[] ore) {
        Properties options = new Properties();
        options.setProperty("smile.logistic.lambda", Double.toString(LAMBDA));
        return new LogisticClassifier(LogisticRegression.binomial(means, Baselines.labels(ore), options));
    }

    @Override
    public double probability(double[] means) {
        double[] posteriori = new double[2]; // per call: the model is shared between threads
        model.predict(means, posteriori);
        return posteriori[1];
    }

    @Override
    public double margin(double[] means) {
        double[] w = model.coefficients(); // the weights, then the intercept
        double z = w[means.length];
        for (int c = 0; c < means.length; c++) {
            z += w[c] * means[c];
        }
        return z;
    }

    @Override
    public String kind() {
        return "logistic";
    }

    @Override
    public String describe(List<String> elements) {
        // Smile keeps the intercept after the weights
        double[] w = model.coefficients();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "logistic regression (λ = %s), p = σ(%.4g",
                LAMBDA, w[elements.size()]));
        for (int c = 0; c < elements.size(); c++) {
            s.append(String.format(Locale.ROOT, " %+.4g·%s", w[c], elements.get(c)));
        }
        return s.append(") on window means").toString();
    }
}
