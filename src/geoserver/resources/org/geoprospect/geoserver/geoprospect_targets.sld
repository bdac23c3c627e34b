<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>geoprospect_targets</Name>
    <UserStyle>
      <Title>geoprospect targets: known ore and new targets</Title>
      <FeatureTypeStyle>
        <Rule>
          <Name>known</Name>
          <Title>Known ore (holds a known deposit)</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>status</ogc:PropertyName><ogc:Literal>known</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#1f78b4</CssParameter><CssParameter name="fill-opacity">0.35</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#1f78b4</CssParameter><CssParameter name="stroke-width">1.5</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>new</Name>
          <Title>New target</Title>
          <ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>status</ogc:PropertyName><ogc:Literal>new</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>
          <PolygonSymbolizer>
            <Fill><CssParameter name="fill">#e31a1c</CssParameter><CssParameter name="fill-opacity">0.35</CssParameter></Fill>
            <Stroke><CssParameter name="stroke">#e31a1c</CssParameter><CssParameter name="stroke-width">2</CssParameter></Stroke>
          </PolygonSymbolizer>
        </Rule>
        <Rule>
          <Name>rank</Name>
          <Title>Rank</Title>
          <TextSymbolizer>
            <Label><ogc:PropertyName>rank</ogc:PropertyName></Label>
            <Font><CssParameter name="font-size">11</CssParameter><CssParameter name="font-weight">bold</CssParameter></Font>
            <Halo><Radius>1.5</Radius><Fill><CssParameter name="fill">#ffffff</CssParameter></Fill></Halo>
            <Fill><CssParameter name="fill">#000000</CssParameter></Fill>
          </TextSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
