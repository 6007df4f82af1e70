// The count of what is due or late, next to "Việc cần làm" in the navigation bar: asked for after the page loads,
// so that no page waits for it. The answer is "items late" (two whole numbers); anything else leaves no badge.
(function () {
    // the dashboard's warning of overdue tasks, when the page has one: the count, then shown
    var overdue = document.getElementById('overdue-warning');
    if (overdue && window.fetch) {
        fetch(overdue.getAttribute('data-count-url'), {credentials: 'same-origin', headers: {'Accept': 'text/plain'}})
            .then(function (response) { return response.ok ? response.text() : ''; })
            .then(function (text) {
                var count = parseInt(text.trim(), 10);
                if (!isNaN(count) && count > 0) {
                    overdue.querySelector('.count').textContent = String(count);
                    overdue.hidden = false;
                }
            })
            .catch(function () { /* no warning: the task list shows the overdue tasks */ });
    }
})();
(function () {
    var badge = document.getElementById('todo-badge');
    if (!badge || !window.fetch) {
        return;
    }
    fetch(badge.getAttribute('data-count-url'), {credentials: 'same-origin', headers: {'Accept': 'text/plain'}})
        .then(function (response) { return response.ok ? response.text() : ''; })
        .then(function (text) {
            var parts = text.trim().split(' ');
            var count = parseInt(parts[0], 10);
            var late = parseInt(parts[1], 10);
            if (isNaN(count) || count <= 0) {
                return;
            }
            badge.textContent = String(count);
            badge.classList.add(late > 0 ? 'bg-danger' : 'bg-warning');
            if (late <= 0) {
                badge.classList.add('text-dark');
            }
            badge.hidden = false;
        })
        .catch(function () { /* no badge: the list itself is one click away */ });
})();
