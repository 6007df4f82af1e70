// The province's index of a level: each body's index as a bar, highest first (data from #index-data).
(function () {
    var canvas = document.getElementById('index-chart');
    var data = document.getElementById('index-data');
    if (!canvas || !data || typeof Chart === 'undefined') {
        return;
    }
    var points = JSON.parse(data.textContent || '[]');
    var format = new Intl.NumberFormat('vi-VN', {minimumFractionDigits: 4, maximumFractionDigits: 4});
    canvas.parentNode.style.height = Math.max(160, points.length * 22 + 40) + 'px';
    new Chart(canvas, {
        type: 'bar',
        data: {
            labels: points.map(function (p) { return p.label; }),
            datasets: [{data: points.map(function (p) { return Number(p.value); }), backgroundColor: '#0d6efd'}]
        },
        options: {
            indexAxis: 'y', maintainAspectRatio: false, animation: false,
            plugins: {legend: {display: false},
                tooltip: {callbacks: {label: function (c) { return format.format(c.parsed.x); }}}},
            scales: {x: {beginAtZero: true, suggestedMax: 100, ticks: {callback: function (v) { return format.format(v); }}}}
        }
    });
})();
