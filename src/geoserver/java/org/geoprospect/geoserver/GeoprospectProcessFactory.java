package org.geoprospect.geoserver;

import org.geoprospect.process.GeoProcess;
import org.geoprospect.process.ProcessDescription;
import org.geoprospect.process.ProcessRegistry;
import org.geotools.api.data.Parameter;
import org.geotools.api.feature.type.Name;
import org.geotools.api.util.InternationalString;
import org.geotools.feature.NameImpl;
import org.geotools.process.Process;
import org.geotools.process.ProcessFactory;
import org.geotools.process.Processors;
import org.geotools.util.SimpleInternationalString;
import org.springframework.beans.factory.DisposableBean;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The four geoprospect processes in GeoServer's WPS as {@code gp:interpolate}, {@code gp:selectElements},
 * {@code gp:trainModel} and {@code gp:predictTargets}: names, titles, abstracts and parameters come from
 * {@code wps-processes.xml}, the description every host renders. Registered with GeoTools' {@link Processors} when
 * Spring creates it, removed when the context closes.
 */
public final class GeoprospectProcessFactory implements ProcessFactory, DisposableBean {
    /** The process namespace: GeoServer shows {@code gp:NAME}. */
    public static final String NAMESPACE = "gp";

    private final ProcessRegistry registry = ProcessRegistry.standard();
    private final GeoprospectHost host;
    private final LayerPublisher publisher;

    public GeoprospectProcessFactory(GeoprospectHost host, LayerPublisher publisher) {
        this.host = host;
        this.publisher = publisher;
        Processors.addProcessFactory(this);
    }

    @Override
    public void destroy() {
        Processors.removeProcessFactory(this);
    }

    @Override
    public InternationalString getTitle() {
        return new SimpleInternationalString("geoprospect: mineral-exploration targets from stream-sediment "
                + "geochemistry");
    }

    @Override
    public Set<Name> getNames() {
        Set<Name> names = new LinkedHashSet<>();
        registry.all().keySet().forEach(id -> names.add(new NameImpl(NAMESPACE, id)));
        return names;
    }

    @Override
    public InternationalString getTitle(Name name) {
        return new SimpleInternationalString(description(name).title());
    }

    @Override
    public InternationalString getDescription(Name name) {
        return new SimpleInternationalString(description(name).abstractText());
    }

    @Override
    public Map<String, Parameter<?>> getParameterInfo(Name name) {
        return ProcessParameters.inputs(description(name));
    }

    @Override
    public Map<String, Parameter<?>> getResultInfo(Name name, Map<String, Object> parameters) {
        return ProcessParameters.outputs(description(name));
    }

    @Override
    public boolean supportsProgress(Name name) {
        return true;
    }

    @Override
    public String getVersion(Name name) {
        return description(name).version();
    }

    @Override
    public Process create(Name name) {
        return new GeoprospectProcess(process(name), host, publisher);
    }

    @Override
    public boolean isAvailable() {
        return true;
    }

    private ProcessDescription description(Name name) {
        return process(name).description();
    }

    private GeoProcess process(Name name) {
        if (!NAMESPACE.equals(name.getNamespaceURI())) {
            throw new IllegalArgumentException("not a geoprospect process: " + name);
        }
        return registry.get(name.getLocalPart()).orElseThrow(() -> new IllegalArgumentException(
                "no geoprospect process " + name.getLocalPart()));
    }
}
