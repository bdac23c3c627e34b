package org.geoprospect.learn;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.geoprospect.core.InvalidInputException;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The networks {@link Networks} builds, by the identifier that manifests and process inputs use. */
public enum NetworkArchitecture {
    /** The paper's network: ResNet-50, bottleneck stages 3-4-6-3 (about 23.6 M parameters with 8 channels). */
    RESNET50("resnet50"),
    /** torchvision's basic-block ResNet-18, stages 2-2-2-2 (about 11.2 M parameters): the lighter CPU network. */
    RESNET18("resnet18"),
    /** A compact CNN: three convolution blocks (about 0.1 M parameters) for tests and quick runs. */
    SMALL("small"),
    /** A comparison network of the paper: MobileNetV2, inverted residuals (about 2.2 M parameters with 8 channels). */
    MOBILENET_V2("mobilenet_v2"),
    /** A comparison network of the paper: GoogLeNet, Inception v1 without auxiliary heads (about 5.6 M). */
    GOOGLENET("googlenet"),
    /** A comparison network of the paper: ShuffleNetV2 ×1.0, split-and-shuffle units (about 1.3 M). */
    SHUFFLENET_V2_X1_0("shufflenet_v2_x1_0"),
    /** Not a network: the baseline logistic regression on window means ({@link LogisticClassifier}). */
    LOGISTIC("logistic"),
    /** Not a network: the baseline random forest on window means ({@link ForestClassifier}). */
    FOREST("forest"),
    /** Not a network: the baseline best single element on window means ({@link ElementClassifier}). */
    ELEMENT("element");

    private final String id;

    NetworkArchitecture(String id) {
        this.id = id;
    }

    /**
     * @return whether this is one of the baselines ({@link Baselines}), which {@code --network} offers beside the
     * networks so that a user can map with the simple model too; they have no block and train in one pass
     */
    public boolean isBaseline() {
        return Baselines.KINDS.contains(id);
    }

    /** @return the neural networks, without the baselines */
    public static List<NetworkArchitecture> networks() {
        return Arrays.stream(values()).filter(a -> !a.isBaseline()).toList();
    }

    /** @return the identifier written to manifests, e.g. {@code resnet50} */
    @JsonValue
    public String id() {
        return id;
    }

    /**
     * @param id an identifier as returned by {@link #id()}
     * @return the architecture
     * @throws InvalidInputException if no architecture has that identifier
     */
    @JsonCreator
    public static NetworkArchitecture fromId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst()
                .orElseThrow(() -> new InvalidInputException("network", "unknown network '" + id + "'; use one of "
                        + Arrays.stream(values()).map(NetworkArchitecture::id).collect(Collectors.joining(", "))));
    }
}
