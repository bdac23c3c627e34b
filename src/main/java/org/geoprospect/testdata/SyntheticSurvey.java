package org.geoprospect.testdata;

import org.geoprospect.core.InvalidInputException;
import org.geoprospect.crs.Crs;
import org.geoprospect.grid.Extent;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A synthetic stream-sediment survey with known ground truth: which elements respond to mineralisation and where
 * the deposits are, including hidden ones a prediction should find. The same parameters and seed always give the
 * same survey, byte for byte (one {@link SplittableRandom}, {@link StrictMath} only).
 *
 * <h2>Model</h2>
 * Coordinates are metres in a projected CRS (default EPSG:32650, WGS 84 / UTM zone 50N). For element e with
 * μₑ = log10(median), σₑ and halo amplitude Aₑ ({@link ElementModel#SOUTH_CHINA}):
 * <pre>
 *   log10 cₑ(x, y) = μₑ + σₑ·Gₑ(x, y) + Aₑ · maxⱼ wⱼ·exp(−dⱼ(x, y)² / (2rⱼ²))
 *   reported value = cₑ · exp(ε·Z),   Z ~ N(0, 1) per sample and element
 * </pre>
 * <ol>
 *   <li><b>Background</b>: Gₑ is a zero-mean unit-variance Gaussian random field with covariance
 *   exp(−h²/(2ℓ²)), ℓ = {@code correlationLength}, independent per element ({@code GaussianField}).</li>
 *   <li><b>Deposits</b>: j runs over all deposits, dⱼ is the distance to deposit j, rⱼ its halo radius and wⱼ its
 *   strength; halos do not add up, the strongest wins ({@code ConcentrationModel.haloShape}). Deposits lie mostly
 *   along a few north-east trending structures ({@code DepositPlacement}). Only the eight
 *   ore-related elements (Au, Ag, Cu, Sn, Sb, Hg, Mo, Ba) have Aₑ &gt; 0; Mn, Zn, W, B, Pb, As, Bi, F have no halo.
 *   A random {@code knownFraction} of the deposits is known; the rest are hidden.</li>
 *   <li><b>Sampling</b>: streams, patches and uniform points ({@code SamplingDesign}); then {@code duplicates}
 *   rows repeat the location of a random earlier site (field duplicates, analysed independently), and
 *   max(1, rows / 250) random cells are left empty (not analysed). Values under an element's detection limit are
 *   written as {@code <limit}.</li>
 *   <li><b>Analytical error</b>: multiplicative log-normal, ε = {@code relativeError} (the standard deviation of
 *   ln value; 0.10 ≈ 10 %).</li>
 * </ol>
 * The random source is split, in this order, into: deposits and structures, background fields, sampling sites,
 * analytical error, and the warts (duplicates, missing cells); so changing the number of samples leaves the
 * geology unchanged. Immutable and thread-safe; {@link Builder#build()} throws {@link InvalidInputException} for
 * parameters out of range.
 */
public final class SyntheticSurvey {
    /** Random cosines per background field: enough for a near-Gaussian field, cheap at 7,000 samples. */
    static final int MODES = 256;

    private final long seed;
    private final int samples;
    private final Extent extent;
    private final Crs crs;
    private final int deposits;
    private final double knownFraction;
    private final int structures;
    private final double correlationLength;
    private final double radiusMin;
    private final double radiusMax;
    private final double relativeError;
    private final int duplicates;

    private SyntheticSurvey(Builder b, Crs crs) {
        seed = b.seed;
        samples = b.samples;
        extent = b.extent;
        this.crs = crs;
        deposits = b.deposits;
        knownFraction = b.knownFraction;
        structures = b.structures;
        correlationLength = b.correlationLength;
        radiusMin = b.radiusMin;
        radiusMax = b.radiusMax;
        relativeError = b.relativeError;
        duplicates = b.duplicates;
    }

    /** A builder whose defaults are the committed demo set: 1,500 samples, 30 km × 30 km, 40 deposits. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The scale of the paper's Pangxidong survey: 7,234 samples over 41 km × 41 km (1,681 km², 4.3 samples/km²),
     * 75 deposits along 4 structures.
     */
    public static SyntheticSurvey paperScale(long seed) {
        return builder().seed(seed).samples(7234).extent(new Extent(400000, 2500000, 441000, 2541000))
                .deposits(75).structures(4).build();
    }

    /** Draws the survey. */
    public GeneratedSurvey generate() {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom geology = root.split();
        SplittableRandom background = root.split();
        SplittableRandom sampling = root.split();
        SplittableRandom error = root.split();
        SplittableRandom warts = root.split();

        List<Structure> lines = DepositPlacement.structures(extent, structures, geology);
        List<Deposit> placed = DepositPlacement.deposits(extent, lines, deposits, knownFraction, radiusMin,
                radiusMax, geology);
        List<ElementModel> elements = ElementModel.SOUTH_CHINA;
        ConcentrationModel model = new ConcentrationModel(elements, placed, correlationLength, MODES, background);

        List<double[]> sites = SamplingDesign.sites(extent, samples - duplicates, sampling);
        for (int i = 0; i < duplicates; i++) {
            sites.add(sites.get(warts.nextInt(samples - duplicates)));
        }
        double[][] values = new double[samples][];
        for (int i = 0; i < samples; i++) {
            values[i] = model.analyse(sites.get(i)[0], sites.get(i)[1], relativeError, error);
        }
        for (int k = 0; k < missingCells(); ) {
            double[] row = values[warts.nextInt(samples)];
            int e = warts.nextInt(elements.size());
            if (!Double.isNaN(row[e])) {
                row[e] = Double.NaN;
                k++;
            }
        }
        List<Sample> out = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            out.add(new Sample(String.format(Locale.ROOT, "GS%05d", i + 1), sites.get(i)[0], sites.get(i)[1],
                    values[i]));
        }
        return new GeneratedSurvey(this, elements, lines, placed, out);
    }

    /** How many element values are left empty: a handful, as in a real survey. */
    int missingCells() {
        return Math.max(1, samples / 250);
    }

    public long seed() {
        return seed;
    }

    /** Rows in {@code samples.csv}, duplicates included. */
    public int samples() {
        return samples;
    }

    public Extent extent() {
        return extent;
    }

    public Crs crs() {
        return crs;
    }

    public int deposits() {
        return deposits;
    }

    public double knownFraction() {
        return knownFraction;
    }

    public int structures() {
        return structures;
    }

    /** ℓ in metres. */
    public double correlationLength() {
        return correlationLength;
    }

    public double radiusMin() {
        return radiusMin;
    }

    public double radiusMax() {
        return radiusMax;
    }

    /** ε, the standard deviation of the natural log of the analytical error factor. */
    public double relativeError() {
        return relativeError;
    }

    public int duplicates() {
        return duplicates;
    }

    /** Parameters of a {@link SyntheticSurvey}; every one has a default (the demo set). */
    public static final class Builder {
        private long seed = 42;
        private int samples = 1500;
        private Extent extent = new Extent(400000, 2500000, 430000, 2530000);
        private int crs = 32650;
        private int deposits = 40;
        private double knownFraction = 0.75;
        private int structures = 3;
        private double correlationLength = 2000;
        private double radiusMin = 1000;
        private double radiusMax = 2000;
        private double relativeError = 0.10;
        private int duplicates = 2;

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Rows of {@code samples.csv}, duplicates included. */
        public Builder samples(int samples) {
            this.samples = samples;
            return this;
        }

        /** The survey area in the CRS's metres. */
        public Builder extent(Extent extent) {
            this.extent = extent;
            return this;
        }

        /** EPSG code of a projected CRS in metres. */
        public Builder crs(int epsg) {
            this.crs = epsg;
            return this;
        }

        public Builder deposits(int deposits) {
            this.deposits = deposits;
            return this;
        }

        /** Share of the deposits written to {@code deposits.csv}; the others are hidden. */
        public Builder knownFraction(double knownFraction) {
            this.knownFraction = knownFraction;
            return this;
        }

        public Builder structures(int structures) {
            this.structures = structures;
            return this;
        }

        /** ℓ of the background fields, metres. */
        public Builder correlationLength(double metres) {
            this.correlationLength = metres;
            return this;
        }

        /** Halo radii are drawn uniformly from [min, max] metres. */
        public Builder haloRadius(double min, double max) {
            this.radiusMin = min;
            this.radiusMax = max;
            return this;
        }

        /** ε, the standard deviation of ln(analytical error factor); 0 for error-free values. */
        public Builder relativeError(double relativeError) {
            this.relativeError = relativeError;
            return this;
        }

        /** Rows that repeat an earlier sample's location. */
        public Builder duplicates(int duplicates) {
            this.duplicates = duplicates;
            return this;
        }

        public SyntheticSurvey build() {
            require(samples >= 100, "samples must be at least 100, got " + samples);
            require(duplicates >= 0 && duplicates <= samples / 10, "duplicates must be between 0 and samples/10, got "
                    + duplicates);
            require(extent != null && extent.width() >= 5000 && extent.height() >= 5000,
                    "extent must be at least 5 km × 5 km (metres of a projected CRS), got " + extent);
            require(deposits >= 0, "deposits must not be negative, got " + deposits);
            require(knownFraction >= 0 && knownFraction <= 1, "knownFraction must be in [0, 1], got " + knownFraction);
            require(structures >= 0, "structures must not be negative, got " + structures);
            require(correlationLength > 0, "correlationLength must be positive metres, got " + correlationLength);
            require(radiusMin > 0 && radiusMin <= radiusMax, "haloRadius needs 0 < min ≤ max, got " + radiusMin
                    + ", " + radiusMax);
            require(relativeError >= 0, "relativeError must not be negative, got " + relativeError);
            Crs parsed = Crs.epsg(crs);
            require(!parsed.isGeographic(), "crs must be a projected CRS in metres; EPSG:" + crs + " is geographic "
                    + "(try a UTM zone such as 32650)");
            return new SyntheticSurvey(this, parsed);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new InvalidInputException("syntheticSurvey", message);
            }
        }
    }
}
