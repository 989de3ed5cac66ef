// The public map of reports: points rounded to about 100 m, from the page's JSON data.
(function () {
  "use strict";
  var box = document.getElementById("reports-map");
  var data = document.getElementById("report-points");
  if (!box || !data || typeof L === "undefined") { return; }
  document.body.classList.add("has-map");
  var points = JSON.parse(data.textContent);
  var start = [parseFloat(box.dataset.lat), parseFloat(box.dataset.lng)];
  var map = L.map(box, { scrollWheelZoom: false }).setView(start, parseInt(box.dataset.zoom, 10));
  L.tileLayer(box.dataset.tiles, { maxZoom: 19, attribution: box.dataset.attribution }).addTo(map);
  var bounds = [];
  points.forEach(function (p) {
    L.circleMarker([p.lat, p.lng], { radius: 7 }).bindPopup(document.createTextNode(p.label).textContent).addTo(map);
    bounds.push([p.lat, p.lng]);
  });
  if (bounds.length > 1) { map.fitBounds(bounds, { maxZoom: 16, padding: [20, 20] }); }
})();
