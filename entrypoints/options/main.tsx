import { render } from 'preact';
import { t, uiLanguage } from '@/lib/i18n';
import { App } from './App';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
render(<App />, document.getElementById('app')!);
