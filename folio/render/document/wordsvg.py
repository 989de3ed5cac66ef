"""Pictures in Word as vector graphics: the SVG itself, referred to from the picture's
``a:blip`` through the Office 2016 extension ``asvg:svgBlip``, which Word (2016 and
later) and LibreOffice draw; the PNG the blip embeds stays as the fallback older readers
show."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from docx.shape import InlineShape

from folio.render.document.svgstyle import inline_styles

SVG_BLIP_URI = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
ASVG = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"


def add_svg(doc: DocxDocument, shape: InlineShape, svg: str) -> None:
    """Make ``shape`` (a PNG picture) draw ``svg`` where the reader can."""
    package = doc.part.package
    assert package is not None
    partname = package.next_partname("/word/media/diagram%d.svg")
    blob = inline_styles(svg).encode("utf-8")  # Office ignores <style> sheets
    part = Part(PackURI(partname), "image/svg+xml", blob, package)
    rid = doc.part.relate_to(part, RT.IMAGE)
    blip = shape._inline.graphic.graphicData.pic.blipFill.blip
    ext_list = OxmlElement("a:extLst")
    ext = OxmlElement("a:ext")
    ext.set("uri", SVG_BLIP_URI)
    ext.append(parse_xml(f'<asvg:svgBlip xmlns:asvg="{ASVG}" {nsdecls("r")} r:embed="{rid}"/>'))
    ext_list.append(ext)
    blip.append(ext_list)
