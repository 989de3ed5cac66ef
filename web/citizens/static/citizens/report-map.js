// The report form's map: a click or tap sets the point (latitude and longitude fields).
// Tiles come from OpenStreetMap when online; without them the map still takes the click.
(function () {
  "use strict";
  var box = document.getElementById("report-map");
  var lat = document.getElementById("id_lat");
  var lng = document.getElementById("id_long");
  var said = document.getElementById("point-chosen");
  if (!box || !lat || !lng || typeof L === "undefined") { return; }
  document.body.classList.add("has-map");
  var start = [parseFloat(box.dataset.lat), parseFloat(box.dataset.lng)];
  var map = L.map(box, { scrollWheelZoom: false }).setView(start, parseInt(box.dataset.zoom, 10));
  L.tileLayer(box.dataset.tiles, { maxZoom: 19, attribution: box.dataset.attribution }).addTo(map);
  var marker = null;
  function place(point) {
    lat.value = point.lat.toFixed(6);
    lng.value = point.lng.toFixed(6);
    if (marker) { marker.setLatLng(point); } else { marker = L.marker(point).addTo(map); }
    if (said) { said.textContent = "Punto marcado: " + lat.value + ", " + lng.value; }
  }
  if (lat.value && lng.value) { place(L.latLng(parseFloat(lat.value), parseFloat(lng.value))); }
  map.on("click", function (event) { place(event.latlng); });
})();

// Only the questions of the chosen report type are shown (all are, without JavaScript).
(function () {
  "use strict";
  var select = document.getElementById("id_service");
  var groups = document.querySelectorAll("fieldset.attrs");
  if (!select || !groups.length) { return; }
  function show() {
    groups.forEach(function (group) { group.hidden = group.dataset.service !== select.value; });
  }
  select.addEventListener("change", show);
  show();
})();
