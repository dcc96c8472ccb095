import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createClient } from '@/lib/messaging';
import { t, uiLanguage } from '@/lib/i18n';
import { App } from './App';
import '@/components/after-sale.css';
import './style.css';

document.documentElement.lang = uiLanguage();
document.title = t('optionsTitle');
render(<App send={createClient((message) => browser.runtime.sendMessage(message))} />, document.getElementById('app')!);
