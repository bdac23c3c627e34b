<?xml version="1.0" encoding="UTF-8"?>
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://www.opengis.net/sld http://schemas.opengis.net/sld/1.0.0/StyledLayerDescriptor.xsd">
  <NamedLayer>
    <Name>geoprospect_probability</Name>
    <UserStyle>
      <Title>geoprospect ore probability (viridis, 0 to 1)</Title>
      <FeatureTypeStyle>
        <Rule>
          <RasterSymbolizer>
            <ChannelSelection><GrayChannel><SourceChannelName>1</SourceChannelName></GrayChannel></ChannelSelection>
            <ColorMap type="ramp">
              <ColorMapEntry color="#440154" quantity="0" label="0"/>
              <ColorMapEntry color="#472d7b" quantity="0.125" label="0.125"/>
              <ColorMapEntry color="#3b528b" quantity="0.25" label="0.25"/>
              <ColorMapEntry color="#2c728e" quantity="0.375" label="0.375"/>
              <ColorMapEntry color="#21918c" quantity="0.5" label="0.5"/>
              <ColorMapEntry color="#28ae80" quantity="0.625" label="0.625"/>
              <ColorMapEntry color="#5ec962" quantity="0.75" label="0.75"/>
              <ColorMapEntry color="#addc30" quantity="0.875" label="0.875"/>
              <ColorMapEntry color="#fde725" quantity="1" label="1"/>
            </ColorMap>
          </RasterSymbolizer>
        </Rule>
      </FeatureTypeStyle>
    </UserStyle>
  </NamedLayer>
</StyledLayerDescriptor>
