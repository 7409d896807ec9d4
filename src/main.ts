import './ui/styles.css';
import { startApp } from './app/start.ts';

void startApp(document.getElementById('app')!);
