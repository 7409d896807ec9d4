import scenarios from 'virtual:scenarios';

// Placeholder first screen until the game's UI lands: lists the bundled scenarios.
const app = document.getElementById('app')!;
const h1 = document.createElement('h1');
h1.textContent = 'Tug of War';
const list = document.createElement('ul');
for (const { scenario } of scenarios) {
  const li = document.createElement('li');
  li.textContent = scenario.title;
  list.append(li);
}
app.append(h1, list);
