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

    if (window.Chart && document.getElementById('domain-chart')) {
        // the axis names each domain briefly ("2. Văn bản QPPL"), the tooltip in full
        var domainLabels = data.domains.map(function (d) { return d.code + '. ' + d.name; });
        var shortLabels = data.domains.map(function (d) { return d.code + '. ' + (d.shortName || d.name); });
        var series = [
            ['max', labels.labelMax, '#adb5bd'], ['baseline', labels.labelBaseline, '#6c757d'],
            ['target', labels.labelTarget, '#0d6efd'], ['current', labels.labelCurrent, '#198754'],
            ['projection', labels.labelProjection, '#fd7e14']];
        new Chart(document.getElementById('domain-chart'), {
            type: 'bar',
            data: {
                labels: shortLabels,
                datasets: series.map(function (s) {
                    return { label: s[1], backgroundColor: s[2], data: data.domains.map(function (d) { return num(d[s[0]]); }) };
                })
            },
            options: {
                animation: false, responsive: true,
                plugins: { tooltip: { callbacks: {
                    title: function (items) { return domainLabels[items[0].dataIndex]; },
                    label: function (item) { return item.dataset.label + ': ' + vi(item.raw, 4); } } } }
            }
        });
        var percents = [['baselinePercent', labels.labelBaseline, '#6c757d'], ['targetPercent', labels.labelTarget, '#0d6efd'],
            ['currentPercent', labels.labelCurrent, '#198754'], ['projectionPercent', labels.labelProjection, '#fd7e14']];
        new Chart(document.getElementById('radar-chart'), {
            type: 'radar',
            data: {
                labels: shortLabels,
                datasets: percents.map(function (s) {
                    return { label: s[1], borderColor: s[2], backgroundColor: 'transparent', pointBackgroundColor: s[2],
                        data: data.domains.map(function (d) { return num(d[s[0]]); }) };
                })
            },
            options: { animation: false, scales: { r: { suggestedMin: 50, suggestedMax: 100 } },
                plugins: { tooltip: { callbacks: {
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
        name.textContent = c.code + '. ' + c.name + ' (' + vi(c.projection, 4) + ' / ' + vi(c.max, 2) + ')';
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
