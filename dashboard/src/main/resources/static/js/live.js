// Tells the receptionist whether the page is receiving live updates.
(function () {
	function show(text, state) {
		var status = document.getElementById('live-status');
		if (status) {
			status.textContent = text;
			status.setAttribute('data-state', state);
		}
	}
	document.addEventListener('htmx:sseOpen', function () { show('● Live', 'open'); });
	document.addEventListener('htmx:sseError', function () { show('Reconnecting…', 'retrying'); });
})();
