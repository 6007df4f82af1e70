// Dashboard: charts of the domains and the what-if panel. Data comes from a JSON block rendered by the server.
(function () {
    'use strict';
    var block = document.getElementById('dashboard-data');
    if (!block) { return; }
    var data = JSON.parse(block.textContent);
    var labels = block.dataset;

    function num(v) { return v === null || v === undefined ? null : Number(v); }
    function vi(v, decimals) {
        return Number(v).toLocaleString('vi-VN', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    }

    // Charts people can read: the page's text size and colour, every bar and point with its value written the
    // Vietnamese way, axes from 0 (a scale starting higher exaggerates differences), no series without values.
    var page = window.getComputedStyle(document.body);
    var textSize = parseFloat(page.fontSize) || 16;
    var textColour = page.color || '#212529';

    /** Datasets with at least one value (e.g. "Đã đánh giá" before anything is assessed is left out). */
    function withValues(datasets) {
        return datasets.filter(function (d) { return d.data.some(function (v) { return v !== null && !isNaN(v); }); });
    }

    /**
     * Writes each value beside its bar (at the bar's end) or above its point. On the radar only the last series
     * shown gets its values (four series' labels on one spoke cover each other); hiding series in the legend
     * shows the values of the one before.
     */
    var valueLabels = {
        id: 'parindexValueLabels',
        afterDatasetsDraw: function (chart, args, options) {
            var ctx = chart.ctx;
            var visible = chart.data.datasets.map(function (d, i) { return i; })
                .filter(function (i) { return chart.isDatasetVisible(i); });
            if (options.lastOnly) { visible = visible.slice(-1); }
            var horizontal = chart.options.indexAxis === 'y';
            ctx.save();
            ctx.font = (options.size || textSize) + 'px ' + page.fontFamily;
            ctx.fillStyle = textColour;
            visible.forEach(function (i) {
                var decimals = chart.data.datasets[i].decimals;
                chart.getDatasetMeta(i).data.forEach(function (element, index) {
                    var value = chart.data.datasets[i].data[index];
                    if (value === null || value === undefined || isNaN(value)) { return; }
                    var text = vi(value, decimals) + (options.suffix || '');
                    if (horizontal) {
                        ctx.textAlign = 'left'; ctx.textBaseline = 'middle';
                        ctx.fillText(text, element.x + 4, element.y);
                    } else {
                        ctx.textAlign = 'center'; ctx.textBaseline = 'bottom';
                        ctx.fillText(text, element.x, element.y - 6);
                    }
                });
            });
            ctx.restore();
        }
    };

    if (window.Chart && document.getElementById('domain-chart')) {
        Chart.defaults.font.size = textSize;
        Chart.defaults.font.family = page.fontFamily;
        Chart.defaults.color = textColour;
        // on a phone the domains' names go on short lines, so that the bars and the radar keep a readable size
        var narrow = window.matchMedia('(max-width: 575.98px)').matches;
        function shortLines(label) {
            var lines = [];
            label.split(' ').forEach(function (word) {
                var last = lines.length - 1;
                if (last >= 0 && (lines[last] + ' ' + word).length <= 12) { lines[last] += ' ' + word; }
                else { lines.push(word); }
            });
            return lines;
        }
        // the axis names each domain briefly ("2. Văn bản QPPL"), the tooltip in full
        var domainLabels = data.domains.map(function (d) { return d.code + '. ' + d.name; });
        var shortLabels = data.domains.map(function (d) { return d.code + '. ' + (d.shortName || d.name); });
        var series = [
            ['max', labels.labelMax, '#adb5bd', 2], ['baseline', labels.labelBaseline, '#6c757d', 4],
            ['target', labels.labelTarget, '#0d6efd', 4], ['current', labels.labelCurrent, '#198754', 4],
            ['projection', labels.labelProjection, '#fd7e14', 4]];
        var bars = withValues(series.map(function (s) {
            return { label: s[1], backgroundColor: s[2], decimals: s[3],
                data: data.domains.map(function (d) { return num(d[s[0]]); }) };
        }));
        // bars lie down: the domains' names and the values stay horizontal and readable, on a phone too
        var barCanvas = document.getElementById('domain-chart');
        barCanvas.parentNode.style.height = (data.domains.length * (bars.length * (textSize + 2) + 16) + 90) + 'px';
        new Chart(barCanvas, {
            type: 'bar',
            data: { labels: shortLabels, datasets: bars },
            plugins: [valueLabels],
            options: {
                animation: false, responsive: true, maintainAspectRatio: false, indexAxis: 'y',
                scales: {
                    x: { beginAtZero: true, min: 0, grace: '18%',
                        ticks: { callback: function (v) { return vi(v, 0); } } },
                    y: { ticks: { autoSkip: false, callback: function (value) {
                        var label = this.getLabelForValue(value);
                        return narrow ? shortLines(label) : label; } } }
                },
                plugins: {
                    legend: { position: 'top' },
                    parindexValueLabels: { size: textSize * 0.875 },
                    tooltip: { callbacks: {
                        title: function (items) { return domainLabels[items[0].dataIndex]; },
                        label: function (item) { return item.dataset.label + ': ' + vi(item.raw, item.dataset.decimals); } } } }
            }
        });
        var percents = [['baselinePercent', labels.labelBaseline, '#6c757d'], ['targetPercent', labels.labelTarget, '#0d6efd'],
            ['currentPercent', labels.labelCurrent, '#198754'], ['projectionPercent', labels.labelProjection, '#fd7e14']];
        new Chart(document.getElementById('radar-chart'), {
            type: 'radar',
            data: {
                labels: shortLabels,
                datasets: withValues(percents.map(function (s) {
                    return { label: s[1], borderColor: s[2], backgroundColor: 'transparent', pointBackgroundColor: s[2],
                        decimals: 1, data: data.domains.map(function (d) { return num(d[s[0]]); }) };
                }))
            },
            plugins: [valueLabels],
            options: { animation: false, aspectRatio: narrow ? 0.9 : 1,
                scales: { r: { beginAtZero: true, min: 0, max: 100,
                    // a phone's small radar has no room for the rings' numbers: the points carry their values
                    ticks: { display: !narrow, stepSize: 25, backdropColor: 'transparent',
                        callback: function (v) { return vi(v, 0) + '%'; } },
                    pointLabels: { font: { size: textSize }, color: textColour,
                        callback: function (label) { return narrow ? shortLines(label) : label; } } } },
                plugins: {
                    parindexValueLabels: { lastOnly: true, suffix: '%', size: textSize * 0.875 },
                    tooltip: { callbacks: {
                        title: function (items) { return domainLabels[items[0].dataIndex]; },
                        label: function (item) { return item.dataset.label + ': ' + vi(item.raw, 2) + '%'; } } } } }
        });
    }

    // What if: raise chosen criteria to their target or maximum, see total and rank change. Nothing is saved.
    var panel = document.getElementById('whatif');
    var result = document.getElementById('whatif-result');
    if (!panel || !result) { return; }
    var wl = panel.dataset;
    var peers = (data.peers || []).map(Number);
    var base = num(data.total);
    data.criteria.forEach(function (c, i) {
        var row = document.createElement('div');
        row.className = 'd-flex flex-wrap gap-2 align-items-center border-bottom py-1';
        var name = document.createElement('span');
        name.className = 'flex-grow-1 small';
        name.textContent = c.code + '. ' + c.name + ' (' + vi(c.projection, 4) + ' / ' + vi(c.max, 4) + ')';
        row.appendChild(name);
        [['target', wl.labelTarget], ['max', wl.labelMax]].forEach(function (choice) {
            if (choice[0] === 'target' && Number(c.target) <= Number(c.projection)) { return; }
            var id = 'whatif-' + i + '-' + choice[0];
            var box = document.createElement('input');
            box.type = 'checkbox'; box.className = 'form-check-input'; box.id = id;
            box.dataset.code = c.code; box.dataset.kind = choice[0];
            box.dataset.gain = String(Number(c[choice[0]]) - Number(c.projection));
            var label = document.createElement('label');
            label.className = 'form-check-label small ms-1'; label.htmlFor = id; label.textContent = choice[1];
            var pair = document.createElement('span');
            pair.className = 'text-nowrap me-2';
            pair.appendChild(box); pair.appendChild(label);
            row.appendChild(pair);
        });
        panel.appendChild(row);
    });
    function rankOf(score) {
        if (!peers.length) { return null; }
        return 1 + peers.filter(function (p) { return p > score + 1e-9; }).length;
    }
    function update(event) {
        if (event && event.target.checked) {
            // one choice per criterion: target or maximum
            panel.querySelectorAll('input[data-code="' + event.target.dataset.code + '"]').forEach(function (other) {
                if (other !== event.target) { other.checked = false; }
            });
        }
        var gain = 0;
        panel.querySelectorAll('input:checked').forEach(function (box) { gain += Number(box.dataset.gain); });
        var total = Math.round((base + gain) * 10000) / 10000;
        var rank = rankOf(total);
        result.textContent = wl.labelTotal + ' ' + vi(total, 4) + ' (+' + vi(gain, 4) + ')' +
            (rank === null ? ' – ' + wl.labelNone : ' – ' + wl.labelRank + ' ' + rank + '/' + (peers.length + 1));
    }
    panel.addEventListener('change', update);
    update();
})();
